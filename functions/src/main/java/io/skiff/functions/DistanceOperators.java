package io.skiff.functions;

import io.skiff.core.error.SkiffException;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The distance operators on the classpath, by name: Skiff's built-ins and any plugin's. Two
 * operators with one name are refused at load time, so a plugin cannot silently replace another.
 */
public final class DistanceOperators {

    private final Map<String, DistanceOperator> byName;

    private DistanceOperators(Map<String, DistanceOperator> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The operators {@code loader} can find. */
    public static DistanceOperators load(ClassLoader loader) {
        Map<String, DistanceOperator> byName = new TreeMap<>();
        for (DistanceOperator operator : ServiceLoader.load(DistanceOperator.class, loader)) {
            String name = operator.name().toLowerCase(Locale.ROOT);
            DistanceOperator earlier = byName.putIfAbsent(name, operator);
            if (earlier != null) {
                throw SkiffException.validation("Two distance operators are named '" + name + "': "
                        + earlier.getClass().getName() + " and " + operator.getClass().getName());
            }
        }
        return new DistanceOperators(byName);
    }

    /** The operators the class loader of this class can find. */
    public static DistanceOperators load() {
        return load(DistanceOperators.class.getClassLoader());
    }

    /** The operator called {@code name}, in any case. */
    public Optional<DistanceOperator> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every operator, in name order. */
    public Collection<DistanceOperator> all() {
        return byName.values();
    }
}

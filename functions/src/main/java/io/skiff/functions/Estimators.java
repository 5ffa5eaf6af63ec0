package io.skiff.functions;

import io.skiff.core.error.SkiffException;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The estimators on the classpath, by name; two with one name are refused at load time. */
public final class Estimators {

    private final Map<String, Estimator> byName;

    private Estimators(Map<String, Estimator> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The estimators {@code loader} can find. */
    public static Estimators load(ClassLoader loader) {
        Map<String, Estimator> byName = new TreeMap<>();
        for (Estimator estimator : ServiceLoader.load(Estimator.class, loader)) {
            String name = estimator.name().toLowerCase(Locale.ROOT);
            Estimator earlier = byName.putIfAbsent(name, estimator);
            if (earlier != null) {
                throw SkiffException.validation("Two estimators are named '" + name + "': "
                        + earlier.getClass().getName() + " and " + estimator.getClass().getName());
            }
        }
        return new Estimators(byName);
    }

    /** The estimators the class loader of this class can find. */
    public static Estimators load() {
        return load(Estimators.class.getClassLoader());
    }

    /** The estimator called {@code name}, in any case. */
    public Optional<Estimator> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every estimator, in name order. */
    public Collection<Estimator> all() {
        return byName.values();
    }
}

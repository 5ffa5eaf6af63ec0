package io.skiff.functions;

import java.util.Collection;
import java.util.Optional;

/**
 * The distance operators on the classpath, by name: Skiff's built-ins and any plugin's. Two
 * operators with one name are refused at load time, so a plugin cannot silently replace another.
 */
public final class DistanceOperators {

    private final NamedPlugins<DistanceOperator> plugins;

    private DistanceOperators(NamedPlugins<DistanceOperator> plugins) {
        this.plugins = plugins;
    }

    /** The operators {@code loader} can find. */
    public static DistanceOperators load(ClassLoader loader) {
        return new DistanceOperators(NamedPlugins.load(DistanceOperator.class, loader, DistanceOperator::name,
                "distance operators"));
    }

    /** The operators the class loader of this class can find. */
    public static DistanceOperators load() {
        return load(DistanceOperators.class.getClassLoader());
    }

    /** The operator called {@code name}, in any case. */
    public Optional<DistanceOperator> find(String name) {
        return plugins.find(name);
    }

    /** Every operator, in name order. */
    public Collection<DistanceOperator> all() {
        return plugins.all();
    }
}

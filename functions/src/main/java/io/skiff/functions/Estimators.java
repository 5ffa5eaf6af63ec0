package io.skiff.functions;

import java.util.Collection;
import java.util.Optional;

/** The estimators on the classpath, by name; two with one name are refused at load time. */
public final class Estimators {

    private final NamedPlugins<Estimator> plugins;

    private Estimators(NamedPlugins<Estimator> plugins) {
        this.plugins = plugins;
    }

    /** The estimators {@code loader} can find. */
    public static Estimators load(ClassLoader loader) {
        return new Estimators(NamedPlugins.load(Estimator.class, loader, Estimator::name, "estimators"));
    }

    /** The estimators the class loader of this class can find. */
    public static Estimators load() {
        return load(Estimators.class.getClassLoader());
    }

    /** The estimator called {@code name}, in any case. */
    public Optional<Estimator> find(String name) {
        return plugins.find(name);
    }

    /** Every estimator, in name order. */
    public Collection<Estimator> all() {
        return plugins.all();
    }
}

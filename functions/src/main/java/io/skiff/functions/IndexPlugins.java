package io.skiff.functions;

import io.skiff.core.error.SkiffException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The index plugins on the classpath, by name: Skiff's built-ins and any plugin's. Two with one
 * name are refused at load time, so a plugin cannot silently replace another.
 */
public final class IndexPlugins {

    private final NamedPlugins<IndexPlugin> plugins;

    private IndexPlugins(NamedPlugins<IndexPlugin> plugins) {
        this.plugins = plugins;
    }

    /** The index plugins {@code loader} can find. */
    public static IndexPlugins load(ClassLoader loader) {
        return new IndexPlugins(NamedPlugins.load(IndexPlugin.class, loader, IndexPlugin::name, "index plugins"));
    }

    /** The index plugins the class loader of this class can find. */
    public static IndexPlugins load() {
        return load(IndexPlugins.class.getClassLoader());
    }

    /**
     * The plugins of this class's class loader, found once per process: the storage engine, the
     * planner and the DDL check share them, so they agree on what a name means.
     */
    public static IndexPlugins shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final IndexPlugins INSTANCE = load();
    }

    /** The plugin called {@code name}, in any case. */
    public Optional<IndexPlugin> find(String name) {
        return plugins.find(name);
    }

    /**
     * The plugin {@code name} configured with {@code options}.
     *
     * @throws SkiffException {@code VALIDATION_ERROR} for an unknown plugin or options it refuses
     */
    public IndexMethod configure(String name, Map<String, String> options) {
        return find(name).orElseThrow(() -> SkiffException.validation("Unknown index plugin '" + name + "'"))
                .configure(options);
    }

    /** Every index plugin, in name order. */
    public Collection<IndexPlugin> all() {
        return plugins.all();
    }
}

package io.skiff.functions;

import io.skiff.core.error.SkiffException;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Plugins of one kind found with {@link ServiceLoader}, by lower-case name. Two with one name are
 * refused at load time, so a plugin cannot silently replace another.
 */
final class NamedPlugins<T> {

    private final Map<String, T> byName;

    private NamedPlugins(Map<String, T> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * @param kind what the plugins are, for the error when two share a name ("distance operators")
     */
    static <T> NamedPlugins<T> load(Class<T> type, ClassLoader loader, Function<T, String> nameOf, String kind) {
        Map<String, T> byName = new TreeMap<>();
        for (T plugin : ServiceLoader.load(type, loader)) {
            String name = nameOf.apply(plugin).toLowerCase(Locale.ROOT);
            T earlier = byName.putIfAbsent(name, plugin);
            if (earlier != null) {
                throw SkiffException.validation("Two " + kind + " are named '" + name + "': "
                        + earlier.getClass().getName() + " and " + plugin.getClass().getName());
            }
        }
        return new NamedPlugins<>(byName);
    }

    Optional<T> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    Collection<T> all() {
        return byName.values();
    }
}

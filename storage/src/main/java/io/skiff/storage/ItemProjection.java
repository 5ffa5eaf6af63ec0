package io.skiff.storage;

import io.skiff.core.expr.Path;
import io.skiff.core.expr.Projection;
import io.skiff.core.value.Item;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A read's projection, prepared once per request: which top-level attributes to decode, and
 * how to cut the decoded item down. Top-level paths need nothing beyond decoding only them;
 * nested paths also need the projection tree.
 */
final class ItemProjection {

    private static final ItemProjection ALL = new ItemProjection(null, null, null);

    private final Set<String> names;
    private final Set<String> decoded;
    private final Projection nested;

    private ItemProjection(Set<String> names, Set<String> decoded, Projection nested) {
        this.names = names;
        this.decoded = decoded;
        this.nested = nested;
    }

    /** The projection of the given paths; {@code alsoDecode} are decoded too but not returned. */
    static ItemProjection of(List<Path> paths, Set<String> alsoDecode) {
        if (paths.isEmpty()) {
            return ALL;
        }
        Set<String> names = new HashSet<>();
        boolean nested = false;
        for (Path path : paths) {
            names.add(path.topName());
            nested |= !path.isTopLevel();
        }
        Set<String> decoded = new HashSet<>(names);
        decoded.addAll(alsoDecode);
        return new ItemProjection(names, decoded, nested ? Projection.of(paths) : null);
    }

    /** The attributes to decode, or {@code null} for all of them. */
    Set<String> decoded() {
        return decoded;
    }

    /** The item as the request asked for it, from an item decoded with {@link #decoded()}. */
    Item apply(Item item) {
        if (names == null) {
            return item;
        }
        return nested != null ? nested.apply(item) : item.only(names);
    }
}

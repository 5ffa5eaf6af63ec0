package io.skiff.core.expr;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The attributes to return of an item, as document paths. A nested path keeps its enclosing
 * structure: {@code a.b[1]} of {@code {a: {b: [x, y, z], c: 1}}} gives {@code {a: {b: [y]}}}.
 * Several paths merge ({@code a.b[0], a.b[2]} gives {@code {a: {b: [x, z]}}}, list elements in
 * their original order), and paths that resolve to nothing are left out.
 */
public final class Projection {

    private final List<Path> paths;
    private final PathTree<Path> tree;

    private Projection(List<Path> paths) {
        this.paths = paths;
        this.tree = PathTree.of(paths, Function.identity());
    }

    /**
     * A projection of the given paths.
     *
     * @throws SkiffException {@code VALIDATION_ERROR} when there are no paths, or two of them
     *     overlap ({@code a} and {@code a.b}) or conflict ({@code a.b} and {@code a[0]})
     */
    public static Projection of(List<Path> paths) {
        List<Path> copy = List.copyOf(paths);
        if (copy.isEmpty()) {
            throw SkiffException.validation("A projection needs at least one document path");
        }
        return new Projection(copy);
    }

    /** The paths, in the order given. */
    public List<Path> paths() {
        return paths;
    }

    /** The parts of the item the paths name; {@link Item#empty()} when none resolve. */
    public Item apply(Item item) {
        return Item.of(projectMembers(tree.root(), item.attributes()));
    }

    private static Optional<AttributeValue> project(PathTree.Node<Path> node, AttributeValue value) {
        if (node.isLeaf()) {
            return Optional.of(value);
        }
        if (node.hasIndexChildren()) {
            return value instanceof ListValue list ? projectElements(node, list.values()) : Optional.empty();
        }
        if (value instanceof MapValue map) {
            Map<String, AttributeValue> members = projectMembers(node, map.values());
            return members.isEmpty() ? Optional.empty() : Optional.of(new MapValue(members));
        }
        return Optional.empty();
    }

    private static Map<String, AttributeValue> projectMembers(PathTree.Node<Path> node,
                                                              Map<String, AttributeValue> members) {
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        node.members().forEach((name, child) -> {
            AttributeValue member = members.get(name);
            if (member != null) {
                project(child, member).ifPresent(v -> projected.put(name, v));
            }
        });
        return projected;
    }

    private static Optional<AttributeValue> projectElements(PathTree.Node<Path> node, List<AttributeValue> elements) {
        List<AttributeValue> projected = new ArrayList<>();
        node.elements().headMap(elements.size()).forEach((index, child) ->
                project(child, elements.get(index)).ifPresent(projected::add));
        return projected.isEmpty() ? Optional.empty() : Optional.of(ListValue.of(projected));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Projection other && paths.equals(other.paths);
    }

    @Override
    public int hashCode() {
        return paths.hashCode();
    }

    @Override
    public String toString() {
        return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}

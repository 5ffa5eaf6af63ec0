package io.skiff.core.expr;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Several document paths merged into one tree, with a payload on each path's last node. Building
 * it is where two paths that overlap (one equal to or inside the other) or conflict (one indexes
 * a list where the other names a map member) are rejected, as the reference system does before
 * looking at any item.
 */
final class PathTree<T> {

    private final Node<T> root = new Node<>(null, null);

    private PathTree() {
    }

    /** The tree of the given payloads' paths; throws {@code VALIDATION_ERROR} on overlap or conflict. */
    static <T> PathTree<T> of(Collection<? extends T> payloads, Function<? super T, Path> pathOf) {
        PathTree<T> tree = new PathTree<>();
        for (T payload : payloads) {
            tree.insert(pathOf.apply(payload), payload);
        }
        return tree;
    }

    Node<T> root() {
        return root;
    }

    private void insert(Path path, T payload) {
        Node<T> node = root;
        List<PathElement> elements = path.elements();
        for (int depth = 0; depth < elements.size(); depth++) {
            PathElement element = elements.get(depth);
            if (node.payload != null) {
                throw ExprErrors.overlap(node.path, path);
            }
            Optional<Map.Entry<PathElement, Node<T>>> sibling = node.children.entrySet().stream().findFirst();
            if (sibling.isPresent() && sibling.get().getKey().getClass() != element.getClass()) {
                throw ExprErrors.conflict(sibling.get().getValue().path, path);
            }
            int length = depth + 1;
            node = node.children.computeIfAbsent(element,
                    e -> new Node<>(Path.of(elements.subList(0, length)), path));
        }
        if (node.payload != null || !node.children.isEmpty()) {
            throw ExprErrors.overlap(node.path, path);
        }
        node.payload = payload;
    }

    /** One node: either a leaf carrying a payload, or an inner node with children of one kind. */
    static final class Node<T> {
        /** The path from the root to this node. */
        private final Path prefix;
        /** The first path inserted through this node, to name in error messages. */
        private final Path path;
        private final Map<PathElement, Node<T>> children = new LinkedHashMap<>();
        private T payload;

        private Node(Path prefix, Path path) {
            this.prefix = prefix;
            this.path = path;
        }

        /** The path from the root to this node. */
        Path prefix() {
            return prefix;
        }

        /** A full path through this node, to name in error messages. */
        Path path() {
            return path;
        }

        boolean isLeaf() {
            return payload != null;
        }

        T payload() {
            return payload;
        }

        /** Whether the children are list elements (otherwise they are map members). */
        boolean hasIndexChildren() {
            return children.keySet().stream().findFirst().filter(PathElement.Index.class::isInstance).isPresent();
        }

        /** Map members by name, in the order the paths were given. */
        Map<String, Node<T>> members() {
            Map<String, Node<T>> members = new LinkedHashMap<>();
            children.forEach((e, child) -> {
                if (e instanceof PathElement.Name name) {
                    members.put(name.name(), child);
                }
            });
            return members;
        }

        /** List elements by index, ascending. */
        SortedMap<Integer, Node<T>> elements() {
            SortedMap<Integer, Node<T>> elements = new TreeMap<>();
            children.forEach((e, child) -> {
                if (e instanceof PathElement.Index index) {
                    elements.put(index.index(), child);
                }
            });
            return elements;
        }
    }
}

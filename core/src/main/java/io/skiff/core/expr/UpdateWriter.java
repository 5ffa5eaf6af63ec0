package io.skiff.core.expr;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Writes the actions of an update into a copy of an item, walking the item and the tree of
 * action paths together.
 *
 * <p>Walking the tree, rather than applying actions one after another, is what makes list
 * indexes refer to positions in the list as it was before the update (as in the reference
 * system): {@code REMOVE a[1], SET a[3] = :v} sets the element that was fourth, whatever the
 * actions' order. Right-hand sides are likewise evaluated against the item before the update.
 */
final class UpdateWriter {

    private final Item before;

    private UpdateWriter(Item before) {
        this.before = before;
    }

    static Item apply(PathTree<UpdateAction> tree, Item before) {
        return Item.of(new UpdateWriter(before).writeMembers(tree.root(), before.attributes()));
    }

    private Optional<AttributeValue> write(PathTree.Node<UpdateAction> node, Optional<AttributeValue> current) {
        if (node.isLeaf()) {
            return writeLeaf(node.payload(), current);
        }
        if (current.isEmpty()) {
            throw ExprErrors.invalidUpdatePath(node.path(), node.prefix() + " does not exist");
        }
        if (node.hasIndexChildren()) {
            if (!(current.get() instanceof ListValue list)) {
                throw ExprErrors.invalidUpdatePath(node.path(),
                        node.prefix() + " is of type " + current.get().type() + ", not a list");
            }
            return Optional.of(writeElements(node, list.values()));
        }
        if (!(current.get() instanceof MapValue map)) {
            throw ExprErrors.invalidUpdatePath(node.path(),
                    node.prefix() + " is of type " + current.get().type() + ", not a map");
        }
        return Optional.of(new MapValue(writeMembers(node, map.values())));
    }

    private Optional<AttributeValue> writeLeaf(UpdateAction action, Optional<AttributeValue> current) {
        if (action instanceof UpdateAction.Set set) {
            return Optional.of(set.value().evaluate(before));
        }
        if (action instanceof UpdateAction.Add add) {
            return Optional.of(add.addTo(current));
        }
        if (action instanceof UpdateAction.Delete delete) {
            return delete.deleteFrom(current);
        }
        return Optional.empty(); // REMOVE
    }

    private Map<String, AttributeValue> writeMembers(PathTree.Node<UpdateAction> node,
                                                     Map<String, AttributeValue> members) {
        Map<String, AttributeValue> written = new LinkedHashMap<>(members);
        node.members().forEach((name, child) -> {
            Optional<AttributeValue> value = write(child, Optional.ofNullable(members.get(name)));
            if (value.isPresent()) {
                written.put(name, value.get());
            } else {
                written.remove(name);
            }
        });
        return written;
    }

    private ListValue writeElements(PathTree.Node<UpdateAction> node, List<AttributeValue> elements) {
        SortedMap<Integer, PathTree.Node<UpdateAction>> written = node.elements();
        List<AttributeValue> result = new ArrayList<>(elements.size() + written.size());
        for (int i = 0; i < elements.size(); i++) {
            PathTree.Node<UpdateAction> child = written.get(i);
            if (child == null) {
                result.add(elements.get(i));
            } else {
                write(child, Optional.of(elements.get(i))).ifPresent(result::add);
            }
        }
        // Indexes past the end append, in index order; there is nothing there to remove.
        for (PathTree.Node<UpdateAction> child : written.tailMap(elements.size()).values()) {
            write(child, Optional.empty()).ifPresent(result::add);
        }
        return ListValue.of(result);
    }
}

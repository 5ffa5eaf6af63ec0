package io.skiff.core.expr;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.Item;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The actions of one update, applied together: every right-hand side reads the item as it was
 * before the update, and list indexes refer to positions before the update.
 *
 * <p>Built only from at least one action, no two of whose paths overlap (one equal to or inside
 * the other) or conflict (one indexing a list where the other names a map member); otherwise
 * {@code VALIDATION_ERROR}.
 */
public record Update(List<UpdateAction> actions) {

    public Update {
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw SkiffException.validation("An update needs at least one action");
        }
        // Check the paths now, before any item is read; apply() builds the same tree again
        // because a record cannot keep it.
        PathTree.of(actions, UpdateAction::path);
    }

    /** An update of the given actions; see {@link #Update(List)}. */
    public static Update of(UpdateAction... actions) {
        return new Update(Arrays.asList(actions));
    }

    /**
     * The item with the actions applied. The input is not changed (items are immutable), and
     * the same input always gives the same output.
     *
     * @param item the stored item, or {@link Item#empty()} to create one
     * @throws SkiffException {@code VALIDATION_ERROR} when an action does not fit the item: a
     *     path whose enclosing value is missing or of the wrong type, a referenced attribute that
     *     is missing, an operand of the wrong type, or a number out of range
     */
    public Item apply(Item item) {
        return UpdateWriter.apply(PathTree.of(actions, UpdateAction::path), item);
    }

    /** The top-level attributes the actions write (set, remove, add to or delete from), in action order. */
    public Set<String> topLevelNames() {
        Set<String> names = new LinkedHashSet<>();
        for (UpdateAction action : actions) {
            names.add(action.path().topName());
        }
        return Collections.unmodifiableSet(names);
    }

    @Override
    public String toString() {
        return actions.stream().map(Object::toString).collect(Collectors.joining(", "));
    }
}

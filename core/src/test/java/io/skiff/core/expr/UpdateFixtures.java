package io.skiff.core.expr;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;

/** Short ways to write update actions in tests. */
final class UpdateFixtures {

    private UpdateFixtures() {
    }

    static Path p(String text) {
        return Path.parse(text);
    }

    static UpdateAction set(String path, AttributeValue value) {
        return UpdateAction.set(p(path), value);
    }

    static UpdateAction set(String path, UpdateValue value) {
        return UpdateAction.set(p(path), value);
    }

    static UpdateAction remove(String path) {
        return UpdateAction.remove(p(path));
    }

    static UpdateAction add(String path, AttributeValue value) {
        return UpdateAction.add(p(path), value);
    }

    static UpdateAction delete(String path, AttributeValue value) {
        return UpdateAction.delete(p(path), value);
    }

    static Item apply(Item item, UpdateAction... actions) {
        return Update.of(actions).apply(item);
    }
}

package io.skiff.core.value;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An item: attribute names to typed values. Immutable; equality is by attributes, regardless of
 * their order. Only the key attributes need declaring in a table; any other attribute is free.
 */
public final class Item {

    private static final Item EMPTY = new Item(Map.of());

    private final Map<String, AttributeValue> attributes;

    private Item(Map<String, AttributeValue> attributes) {
        this.attributes = attributes;
    }

    /** An item holding a copy of the given attributes; nulls are rejected. */
    public static Item of(Map<String, ? extends AttributeValue> attributes) {
        return attributes.isEmpty() ? EMPTY : new Item(MapValue.copy(attributes));
    }

    /** The item with no attributes. */
    public static Item empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of an attribute, or {@code null} when the item does not have it. */
    public AttributeValue get(String name) {
        return attributes.get(name);
    }

    public Optional<AttributeValue> find(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public boolean has(String name) {
        return attributes.containsKey(name);
    }

    /** The attributes, unmodifiable, in the order they were given. */
    public Map<String, AttributeValue> attributes() {
        return attributes;
    }

    public Set<String> names() {
        return attributes.keySet();
    }

    public int size() {
        return attributes.size();
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    /** This item as an {@code M} value. */
    public MapValue asMap() {
        return new MapValue(attributes);
    }

    /** A copy of this item with one attribute set. */
    public Item with(String name, AttributeValue value) {
        LinkedHashMap<String, AttributeValue> copy = new LinkedHashMap<>(attributes);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Item(java.util.Collections.unmodifiableMap(copy));
    }

    /** This item with only the named attributes (itself when it has no others). */
    public Item only(java.util.Collection<String> kept) {
        if (kept.containsAll(attributes.keySet())) {
            return this;
        }
        Builder builder = builder();
        attributes.forEach((name, value) -> {
            if (kept.contains(name)) {
                builder.put(name, value);
            }
        });
        return builder.build();
    }

    /** A copy of this item without the named attribute. */
    public Item without(String name) {
        if (!attributes.containsKey(name)) {
            return this;
        }
        LinkedHashMap<String, AttributeValue> copy = new LinkedHashMap<>(attributes);
        copy.remove(name);
        return new Item(java.util.Collections.unmodifiableMap(copy));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Item other && attributes.equals(other.attributes);
    }

    @Override
    public int hashCode() {
        return attributes.hashCode();
    }

    @Override
    public String toString() {
        return "Item" + attributes;
    }

    /** Collects attributes in order; a later value for the same name replaces the earlier one. */
    public static final class Builder {
        private LinkedHashMap<String, AttributeValue> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String name, AttributeValue value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder s(String name, String value) {
            return put(name, new StringValue(value));
        }

        public Builder n(String name, long value) {
            return put(name, AttributeValue.n(value));
        }

        public Builder n(String name, String text) {
            return put(name, NumberValue.parse(text));
        }

        /** The item; the builder starts over empty, so the map it hands over is never shared. */
        public Item build() {
            if (attributes.isEmpty()) {
                return EMPTY;
            }
            Item item = new Item(java.util.Collections.unmodifiableMap(attributes));
            attributes = new LinkedHashMap<>();
            return item;
        }
    }
}

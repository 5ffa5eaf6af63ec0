package io.skiff.core.expr;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document path such as {@code a.b[2].c}: a top-level attribute name followed by map member
 * names and list indexes. Immutable, with value equality.
 *
 * <p>The text form is described in {@link #parse(String)}; {@link #toString()} renders text that
 * parses back to an equal path.
 */
public final class Path {

    /** Most elements a path may have, the nesting limit of the reference system. */
    public static final int MAX_DEPTH = 32;

    private final List<PathElement> elements;

    private Path(List<PathElement> elements) {
        if (elements.size() > MAX_DEPTH) {
            throw SkiffException.validation("The document path has too many nesting levels ("
                    + elements.size() + "); at most " + MAX_DEPTH + " are supported: "
                    + PathText.render(elements));
        }
        this.elements = elements;
    }

    /**
     * Parses path text. Names are separated by {@code .}; list indexes are written {@code [n]}
     * with a non-negative decimal {@code n}. A plain name consists of letters, digits, {@code _}
     * and {@code -}; any other name is written in double quotes, a quote inside doubled:
     * {@code "first name".x}, {@code "a.b"} (one attribute whose name contains a dot).
     *
     * @throws SkiffException {@code VALIDATION_ERROR} naming the text and the 1-based position
     *     of the offending character
     */
    public static Path parse(String text) {
        return new Path(List.copyOf(PathText.parse(text)));
    }

    /** A path of one top-level attribute, whatever characters its name contains. */
    public static Path attribute(String name) {
        return new Path(List.of(new PathElement.Name(name)));
    }

    /** A path from its elements; the first must be a {@link PathElement.Name}. */
    public static Path of(List<? extends PathElement> elements) {
        Objects.requireNonNull(elements, "elements");
        if (elements.isEmpty() || !(elements.get(0) instanceof PathElement.Name)) {
            throw SkiffException.validation("A document path must start with an attribute name: "
                    + elements);
        }
        return new Path(List.copyOf(elements));
    }

    /** This path extended by a map member. */
    public Path child(String name) {
        return append(new PathElement.Name(name));
    }

    /** This path extended by a list element; rejects a negative index. */
    public Path index(int index) {
        return append(new PathElement.Index(index));
    }

    private Path append(PathElement element) {
        List<PathElement> longer = new ArrayList<>(elements.size() + 1);
        longer.addAll(elements);
        longer.add(element);
        return new Path(List.copyOf(longer));
    }

    /** The elements, unmodifiable; the first is always a {@link PathElement.Name}. */
    public List<PathElement> elements() {
        return elements;
    }

    /** The name of the top-level attribute this path starts at. */
    public String topName() {
        return ((PathElement.Name) elements.get(0)).name();
    }

    /** Whether this path names a top-level attribute, with nothing nested. */
    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** Whether this path equals {@code prefix} or lies inside the value {@code prefix} names. */
    public boolean startsWith(Path prefix) {
        return prefix.elements.size() <= elements.size()
                && elements.subList(0, prefix.elements.size()).equals(prefix.elements);
    }

    /**
     * The value this path names in the item; empty when an attribute, member or element is
     * missing, or when the item's shape does not fit (a name applied to a non-map, an index to
     * a non-list).
     */
    public Optional<AttributeValue> resolve(Item item) {
        AttributeValue value = item.get(topName());
        for (int i = 1; i < elements.size() && value != null; i++) {
            value = step(value, elements.get(i));
        }
        return Optional.ofNullable(value);
    }

    private static AttributeValue step(AttributeValue value, PathElement element) {
        if (element instanceof PathElement.Name name) {
            return value instanceof MapValue map ? map.get(name.name()) : null;
        }
        int index = ((PathElement.Index) element).index();
        return value instanceof ListValue list && index < list.values().size()
                ? list.values().get(index) : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path other && elements.equals(other.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    /** Text that {@link #parse(String)} turns back into an equal path. */
    @Override
    public String toString() {
        return PathText.render(elements);
    }
}

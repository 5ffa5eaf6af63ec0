package io.skiff.sql.partiql;

import io.skiff.core.expr.Path;
import io.skiff.core.expr.PathElement;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.error.Messages;
import io.skiff.parser.partiql.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The items a SELECT returns, as DynamoDB shapes them: {@code SELECT *} returns whole items; a
 * SELECT list returns each path under the name of its last step, written from its last member
 * name on ({@code info.tags[1]} comes back as {@code tags[1]}, {@code a.b} as {@code b}), and an
 * item lacking a selected path just lacks that attribute.
 */
final class ResultShape {

    /** Every attribute. */
    static final ResultShape ALL = new ResultShape(List.of(), List.of());

    private final List<Path> paths;
    private final List<String> names;

    private ResultShape(List<Path> paths, List<String> names) {
        this.paths = paths;
        this.names = names;
    }

    /**
     * The shape of a SELECT list. Two different paths that would come back under one name (such
     * as {@code a.x} and {@code b.x}) are refused, since one would hide the other.
     */
    static ResultShape of(List<Expr.PathRef> projection) {
        if (projection.isEmpty()) {
            return ALL;
        }
        List<Path> paths = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Expr.PathRef ref : projection) {
            String name = resultName(ref.path());
            Path earlier = byName.putIfAbsent(name, ref.path());
            if (earlier == null) {
                paths.add(ref.path());
                names.add(name);
            } else if (!earlier.equals(ref.path())) {
                throw ref.position().invalid("The SELECT list returns both " + earlier + " and " + ref.path()
                        + " as the attribute " + Messages.quote(name) + "; select only one of them");
            }
        }
        return new ResultShape(List.copyOf(paths), List.copyOf(names));
    }

    /** The name a selected path comes back under: its last member name and the indexes after it. */
    static String resultName(Path path) {
        List<PathElement> elements = path.elements();
        int last = 0;
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof PathElement.Name) {
                last = i;
            }
        }
        StringBuilder name = new StringBuilder(((PathElement.Name) elements.get(last)).name());
        for (int i = last + 1; i < elements.size(); i++) {
            name.append('[').append(((PathElement.Index) elements.get(i)).index()).append(']');
        }
        return name.toString();
    }

    /** The attribute names the selected paths come back under, in SELECT-list order; empty for whole items. */
    List<String> names() {
        return names;
    }

    boolean selectsAll() {
        return paths.isEmpty();
    }

    /** The top-level attributes the shape reads, or empty for whole items. */
    Optional<Set<String>> attributes() {
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        paths.forEach(path -> names.add(path.topName()));
        return Optional.of(names);
    }

    /** The item as the SELECT returns it. */
    Item apply(Item item) {
        if (paths.isEmpty()) {
            return item;
        }
        Item.Builder shaped = Item.builder();
        for (int i = 0; i < paths.size(); i++) {
            Optional<AttributeValue> value = paths.get(i).resolve(item);
            if (value.isPresent()) {
                shaped.put(names.get(i), value.get());
            }
        }
        return shaped.build();
    }

    /** How EXPLAIN shows it. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i).toString();
            parts.add(path.equals(names.get(i)) ? path : path + " AS " + Messages.quote(names.get(i)));
        }
        return String.join(", ", parts);
    }
}

package io.skiff.sql.partiql;

import io.skiff.core.expr.Operand;
import io.skiff.core.key.KeyEncoding;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.NumberValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The {@code k} items of least distance among those offered, kept in a bounded heap (never a
 * sort of everything read): ties go to the smaller key, in key order (partition key, then sort
 * key). Items whose distance is missing (no attribute, a value of another type, {@code NULL})
 * are not ranked at all, as a comparison with a missing attribute is false in PartiQL.
 */
final class NearestRanking {

    /** One ranked item: its distance and its encoded key for ties. */
    private record Ranked(double distance, byte[] partition, byte[] sort, Item item) {
    }

    private static final Comparator<Ranked> CLOSER = Comparator.comparingDouble(Ranked::distance)
            .thenComparing(Ranked::partition, Arrays::compareUnsigned)
            .thenComparing(Ranked::sort, Arrays::compareUnsigned);

    private final TableSchema schema;
    private final Operand distance;
    private final int k;
    /** The farthest of the kept items on top, so a closer newcomer replaces it. */
    private final PriorityQueue<Ranked> farthestFirst = new PriorityQueue<>(CLOSER.reversed());

    /**
     * @param distance the distance operand, evaluated on each item
     * @param k how many items to keep, at least 1
     */
    NearestRanking(TableSchema schema, Operand distance, int k) {
        this.schema = schema;
        this.distance = distance;
        this.k = k;
    }

    /** Ranks one item read. */
    void offer(Item item) {
        Optional<AttributeValue> measured = distance.evaluate(item);
        if (measured.isEmpty() || !(measured.get() instanceof NumberValue number)) {
            return;
        }
        Ranked ranked = new Ranked(number.value().doubleValue(), key(item, schema.partitionKey().name()),
                schema.sortKey().map(sort -> key(item, sort.name())).orElse(new byte[0]), item);
        if (farthestFirst.size() < k) {
            farthestFirst.add(ranked);
        } else if (CLOSER.compare(ranked, farthestFirst.peek()) < 0) {
            farthestFirst.poll();
            farthestFirst.add(ranked);
        }
    }

    /** The kept items, closest first. */
    List<Item> nearest() {
        List<Ranked> ranked = new ArrayList<>(farthestFirst);
        ranked.sort(CLOSER);
        return ranked.stream().map(Ranked::item).toList();
    }

    private static byte[] key(Item item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? new byte[0] : KeyEncoding.encode(value);
    }
}

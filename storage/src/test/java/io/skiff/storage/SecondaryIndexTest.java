package io.skiff.storage;

import static io.skiff.core.value.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.Update;
import io.skiff.core.expr.UpdateAction;
import io.skiff.core.expr.UpdateValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.StringValue;
import io.skiff.functions.DistanceOperator;
import io.skiff.functions.DistanceOperators;
import io.skiff.functions.IndexPlugins;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.LogPosition;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import io.skiff.storage.api.WriteRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Secondary indexes on a real engine: built over existing items, kept exact by every write path
 * in the item's own batch, dropped with their entries, and there again after a restart.
 */
class SecondaryIndexTest extends EngineFixture {

    private static final IndexDefinition BY_NAME = new IndexDefinition("by_name", USERS, "name", "trigram", Map.of());
    private static final TermIndex TRIGRAM = (TermIndex) IndexPlugins.load().configure("trigram", Map.of());
    private static final DistanceOperator LEVENSHTEIN = DistanceOperators.load().find("levenshtein").orElseThrow();

    private static Item named(String pk, String name) {
        return Item.builder().s("pk", pk).s("name", name).build();
    }

    /** The keys of the items the index offers for {@code levenshtein(name, query) <= k}. */
    private Set<String> candidates(String query, int k) {
        Probe probe = TRIGRAM.probe(new IndexPredicate.WithinDistance("levenshtein", new StringValue(query), k))
                .orElseThrow();
        return keys(engine.indexCandidates(USERS, "by_name", probe));
    }

    private static Set<String> keys(List<Item> items) {
        return items.stream().map(item -> ((StringValue) item.get("pk")).value())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What a full scan keeps for {@code levenshtein(name, query) <= k}. */
    private Set<String> scanned(String query, int k) {
        return keys(all(USERS).stream().filter(item -> item.get("name") instanceof StringValue && LEVENSHTEIN.distance(
                item.get("name"), new StringValue(query)).orElse(Double.MAX_VALUE) <= k).toList());
    }

    @Test
    void anIndexBuiltOverExistingItemsFindsEveryMatchOfAFullScan() {
        Random random = new Random(7);
        String[] stems = {"habib", "habibs", "habit", "rabbit", "hobbit", "abbot", "maria", "mario", "marina"};
        for (int i = 0; i < 600; i++) {
            String name = stems[random.nextInt(stems.length)] + (random.nextBoolean() ? "" : (char) ('a' + i % 26));
            engine.put(PutItem.of(USERS, named("u" + i, name)));
        }
        engine.put(PutItem.of(USERS, Item.builder().s("pk", "no-name").n("age", 3).build()));
        engine.put(PutItem.of(USERS, Item.builder().s("pk", "number-name").n("name", 42).build()));

        assertThat(engine.createIndex(BY_NAME, false)).isEqualTo(602);
        assertThat(engine.indexes(USERS)).containsExactly(BY_NAME);

        for (String query : List.of("habibs", "mario", "rabit", "zzzzzz")) {
            for (int k = 0; k <= 2; k++) {
                Set<String> exact = scanned(query, k);
                Set<String> found = candidates(query, k);
                assertThat(found).containsAll(exact);
            }
        }
        // The index narrows: far fewer candidates than items.
        assertThat(candidates("habibs", 1)).hasSizeLessThan(300);
    }

    @Test
    void everyWritePathKeepsTheIndexExact() {
        engine.createIndex(BY_NAME, false);
        engine.put(PutItem.of(USERS, named("a", "habib")));
        engine.put(PutItem.of(USERS, named("b", "habib")));
        assertThat(candidates("habib", 0)).containsExactly("a", "b");

        // A put over an item, an update, a delete.
        engine.put(PutItem.of(USERS, named("a", "marina")));
        engine.update(UpdateItem.of(USERS, key("b"), Update.of(new UpdateAction.Set(Path.parse("name"),
                UpdateValue.value(s("mario"))))));
        assertThat(candidates("habib", 0)).isEmpty();
        assertThat(candidates("marina", 0)).containsExactly("a");
        engine.delete(DeleteItem.of(USERS, key("a")));
        assertThat(candidates("marina", 0)).isEmpty();
        engine.update(UpdateItem.of(USERS, key("b"), Update.of(new UpdateAction.Remove(Path.parse("name")))));
        assertThat(candidates("mario", 0)).isEmpty();

        // A batch and a transaction.
        engine.batchWrite(List.of(WriteRequest.put(USERS, named("c", "rabbit")), WriteRequest.put(USERS,
                named("d", "rabbit")), WriteRequest.delete(USERS, key("b"))));
        assertThat(candidates("rabbit", 0)).containsExactly("c", "d");
        engine.transactWrite(List.of(TransactWriteItem.delete(DeleteItem.of(USERS, key("c"))),
                TransactWriteItem.put(PutItem.of(USERS, named("e", "rabbit")))));
        assertThat(candidates("rabbit", 0)).containsExactly("d", "e");

        // A statement's writes, and a prepared transaction once committed.
        engine.statementWrite(List.of(TransactWriteItem.update(UpdateItem.of(USERS, key("d"),
                Update.of(new UpdateAction.Set(Path.parse("name"), UpdateValue.value(s("hobbit"))))))));
        engine.prepareTransaction("tx", 0, List.of(TransactWriteItem.put(PutItem.of(USERS, named("f", "hobbit")))),
                false, LogPosition.NONE);
        assertThat(candidates("hobbit", 0)).containsExactly("d");
        engine.commitPrepared("tx", LogPosition.NONE);
        assertThat(candidates("hobbit", 0)).containsExactly("d", "f");
    }

    @Test
    void aRefusedWriteLeavesTheIndexAsItWas() {
        engine.createIndex(BY_NAME, false);
        engine.put(PutItem.of(USERS, named("a", "habib")));
        Condition never = Condition.eq(Operand.path(Path.parse("name")), Operand.value(s("nobody")));
        failure(ErrorCode.CONDITIONAL_CHECK_FAILED, () -> engine.put(PutItem.of(USERS, named("a", "mario"))
                .withCondition(never)));
        failure(ErrorCode.TRANSACTION_CANCELLED, () -> engine.transactWrite(List.of(
                TransactWriteItem.put(PutItem.of(USERS, named("b", "mario"))),
                TransactWriteItem.delete(DeleteItem.of(USERS, key("a")).withCondition(never)))));
        assertThat(candidates("habib", 0)).containsExactly("a");
        assertThat(candidates("mario", 0)).isEmpty();
    }

    @Test
    void indexesAndTheirEntriesSurviveARestart() {
        engine.put(PutItem.of(USERS, named("a", "habib")));
        engine.createIndex(BY_NAME, false);
        engine.put(PutItem.of(USERS, named("b", "habibs")));
        reopen();
        assertThat(engine.indexes(USERS)).containsExactly(BY_NAME);
        assertThat(candidates("habib", 1)).containsExactly("a", "b");
        engine.delete(DeleteItem.of(USERS, key("a")));
        assertThat(candidates("habib", 1)).containsExactly("b");
    }

    @Test
    void optionsAreStoredWithTheirDefaults() {
        engine.createIndex(new IndexDefinition("near", USERS, "loc", "geohash", Map.of("precision", "6")), false);
        engine.createIndex(new IndexDefinition("seen", USERS, "name", "bloom", Map.of()), false);
        reopen();
        assertThat(engine.indexes(USERS)).extracting(IndexDefinition::name, IndexDefinition::options)
                .containsExactly(Tuple.tuple("near", Map.of("precision", "6")),
                        Tuple.tuple("seen", Map.of("capacity", "1000000", "fpp", "0.01")));
    }

    @Test
    void filterIndexesAnswerAbsentForValuesNoItemHolds() {
        engine.put(PutItem.of(USERS, named("a", "habib")));
        engine.createIndex(new IndexDefinition("names", USERS, "name", "cbloom", Map.of("capacity", "1000")), false);
        engine.put(PutItem.of(USERS, named("b", "mario")));
        assertThat(engine.mightContain(USERS, "names", s("habib"))).isTrue();
        assertThat(engine.mightContain(USERS, "names", s("mario"))).isTrue();
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            if (!engine.mightContain(USERS, "names", s("nobody" + i))) {
                absent.add("nobody" + i);
            }
        }
        assertThat(absent).hasSizeGreaterThan(190);

        engine.delete(DeleteItem.of(USERS, key("a")));
        assertThat(engine.mightContain(USERS, "names", s("habib"))).isFalse();
        reopen(); // filters are rebuilt from the items
        assertThat(engine.mightContain(USERS, "names", s("mario"))).isTrue();
        assertThat(engine.mightContain(USERS, "names", s("habib"))).isFalse();
    }

    @Test
    void mistakesAreRefusedAndChangeNothing() {
        engine.createIndex(BY_NAME, false);
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> engine.createIndex(BY_NAME, false)))
                .hasMessageContaining("already has an index named 'by_name'");
        assertThat(engine.createIndex(BY_NAME, true)).isZero();
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> engine.createIndex(new IndexDefinition("x", USERS,
                "name", "nosuch", Map.of()), false))).hasMessageContaining("Unknown index plugin 'nosuch'");
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> engine.createIndex(new IndexDefinition("x", USERS,
                "name", "geohash", Map.of("precision", "99")), false))).hasMessageContaining("precision");
        failure(ErrorCode.TABLE_NOT_FOUND, () -> engine.createIndex(new IndexDefinition("x", "nope", "name",
                "trigram", Map.of()), false));
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> engine.dropIndex(USERS, "x", false)))
                .hasMessageContaining("no index named 'x'");
        engine.dropIndex(USERS, "x", true);
        assertThat(engine.indexes(USERS)).containsExactly(BY_NAME);

        engine.dropIndex(USERS, "by_name", false);
        assertThat(engine.indexes(USERS)).isEmpty();
        failure(ErrorCode.VALIDATION_ERROR, () -> candidates("habib", 0));
        // The name is free again, and the new index starts from the items as they are.
        engine.put(PutItem.of(USERS, named("z", "habib")));
        assertThat(engine.createIndex(BY_NAME, false)).isEqualTo(1);
        assertThat(candidates("habib", 0)).containsExactly("z");
    }

    @Test
    void droppingTheTableDropsItsIndexEntries() {
        engine.createIndex(BY_NAME, false);
        engine.put(PutItem.of(USERS, named("a", "habib")));
        engine.dropTable(USERS);
        engine.createTable(io.skiff.core.schema.TableSchema.of(USERS, io.skiff.core.schema.KeyAttribute.of("pk",
                io.skiff.core.value.AttributeType.S)));
        assertThat(engine.indexes(USERS)).isEmpty();
        engine.createIndex(BY_NAME, false);
        assertThat(candidates("habib", 0)).isEmpty();
    }


    @Test
    void termsWithZeroBytesAreFoundByTermAndByPrefix() {
        engine.createIndex(new IndexDefinition("by_code", USERS, "code", "radix", Map.of()), false);
        TermIndex radix = (TermIndex) IndexPlugins.load().configure("radix", Map.of());
        for (String code : List.of("a\u0000b", "a\u0000", "a", "ab", "\u0000\u0000")) {
            engine.put(PutItem.of(USERS, Item.builder().s("pk", "k" + code.length() + code.hashCode()).s("code", code)
                    .build()));
        }
        Probe prefix = radix.probe(new IndexPredicate.Prefix("a\u0000")).orElseThrow();
        assertThat(engine.indexCandidates(USERS, "by_code", prefix)).extracting(item -> item.get("code"))
                .containsExactlyInAnyOrder(s("a\u0000b"), s("a\u0000"));
        Probe exact = radix.probe(new IndexPredicate.Equals(s("a\u0000"))).orElseThrow();
        assertThat(engine.indexCandidates(USERS, "by_code", exact)).extracting(item -> item.get("code"))
                .containsExactly(s("a\u0000"));
    }
}

package io.skiff.storage;

import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.NumberValue;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.Query;
import io.skiff.storage.api.Scan;
import io.skiff.storage.api.SortKeyCondition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryScanTest extends EngineFixture {

    @BeforeEach
    void fill() {
        for (long sk = -5; sk <= 20; sk++) {
            engine.put(PutItem.of(EVENTS, event("p1", sk)));
            engine.put(PutItem.of(EVENTS, event("p2", sk)));
        }
        engine.put(PutItem.of(EVENTS, event("p", 1)));
        engine.put(PutItem.of(EVENTS, event("p10", 1)));
    }

    private List<Long> sortKeys(Query query) {
        List<Long> keys = new ArrayList<>();
        for (Item item : engine.query(query).items()) {
            assertThat(item.get("pk")).isEqualTo(query.partitionKey());
            keys.add(((NumberValue) item.get("sk")).value().longValueExact());
        }
        return keys;
    }

    @Test
    void aPartitionIsReadInSortKeyOrderEitherWay() {
        Query all = Query.partition(EVENTS, s("p1"));
        assertThat(sortKeys(all)).hasSize(26).isSorted().startsWith(-5L).endsWith(20L);
        List<Long> reversed = sortKeys(all.reverse());
        assertThat(reversed).hasSize(26).startsWith(20L).endsWith(-5L);
        assertThat(sortKeys(Query.partition(EVENTS, s("p")))).containsExactly(1L);
        assertThat(sortKeys(Query.partition(EVENTS, s("nobody")))).isEmpty();
    }

    @Test
    void sortKeyConditionsSelectOneRange() {
        Query p1 = Query.partition(EVENTS, s("p1"));
        assertThat(sortKeys(p1.where(SortKeyCondition.eq(n(3))))).containsExactly(3L);
        assertThat(sortKeys(p1.where(SortKeyCondition.lt(n(-3))))).containsExactly(-5L, -4L);
        assertThat(sortKeys(p1.where(SortKeyCondition.le(n(-3))))).containsExactly(-5L, -4L, -3L);
        assertThat(sortKeys(p1.where(SortKeyCondition.gt(n(18))))).containsExactly(19L, 20L);
        assertThat(sortKeys(p1.where(SortKeyCondition.ge(n(18))))).containsExactly(18L, 19L, 20L);
        assertThat(sortKeys(p1.where(SortKeyCondition.between(n(-1), n(1))))).containsExactly(-1L, 0L, 1L);
        assertThat(sortKeys(p1.where(SortKeyCondition.between(n(-1), n(1))).reverse())).containsExactly(1L, 0L, -1L);
        assertThat(sortKeys(p1.where(SortKeyCondition.eq(n("2.5"))))).isEmpty();
    }

    @Test
    void beginsWithOnStringSortKeys() {
        engine.createTable(TableSchema.of("files", KeyAttribute.of("dir", AttributeType.S),
                KeyAttribute.of("name", AttributeType.S)));
        for (String name : List.of("a", "ab", "abc", "abd", "b", "a\u0000z")) {
            engine.put(PutItem.of("files", Item.builder().s("dir", "/").s("name", name).build()));
        }
        Page page = engine.query(Query.partition("files", s("/")).where(SortKeyCondition.beginsWith(s("ab"))));
        assertThat(page.items()).extracting(i -> i.get("name")).containsExactly(s("ab"), s("abc"), s("abd"));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.query(Query.partition(EVENTS, s("p1"))
                .where(SortKeyCondition.beginsWith(n(1)))));
    }

    @Test
    void limitAndExclusiveStartKeyPageThroughAPartition() {
        List<Long> seen = new ArrayList<>();
        Query query = Query.partition(EVENTS, s("p1")).where(SortKeyCondition.ge(n(0))).limit(6);
        int pages = 0;
        while (true) {
            Page page = engine.query(query);
            pages++;
            page.items().forEach(i -> seen.add(((NumberValue) i.get("sk")).value().longValueExact()));
            if (page.lastEvaluatedKey().isEmpty()) {
                break;
            }
            assertThat(page.items()).hasSize(6);
            query = query.startAfter(page.lastEvaluatedKey().get());
        }
        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(21).isSorted().doesNotHaveDuplicates();

        Page firstBackward = engine.query(Query.partition(EVENTS, s("p1")).reverse().limit(3));
        assertThat(firstBackward.lastEvaluatedKey()).contains(key("p1", 18));
        Page secondBackward = engine.query(Query.partition(EVENTS, s("p1")).reverse().limit(3)
                .startAfter(firstBackward.lastEvaluatedKey().get()));
        assertThat(secondBackward.items()).extracting(i -> i.get("sk")).containsExactly(n(17), n(16), n(15));
    }

    @Test
    void aPageEndingExactlyAtTheLastItemSaysThereIsNoMore() {
        Page page = engine.query(Query.partition(EVENTS, s("p1")).limit(26));
        assertThat(page.items()).hasSize(26);
        assertThat(page.lastEvaluatedKey()).isEmpty();
    }

    @Test
    void filterRunsAfterTheLimitAndProjectionShapesItems() {
        Condition odd = Condition.in(Operand.path(Path.parse("kind")),
                List.of(Operand.value(s("k1")), Operand.value(s("k3"))));
        Page page = engine.query(Query.partition(EVENTS, s("p1")).where(SortKeyCondition.ge(n(0))).limit(3)
                .filter(odd).project(List.of(Path.parse("kind"))));
        assertThat(page.scannedCount()).isEqualTo(3);
        assertThat(page.items()).containsExactly(Item.builder().s("kind", "k1").build());
        assertThat(page.lastEvaluatedKey()).contains(key("p1", 2));
    }

    @Test
    void badQueriesAreRejected() {
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.query(Query.partition(EVENTS, n(1))));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.query(Query.partition(EVENTS, s("p1"))
                .where(SortKeyCondition.eq(s("x")))));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.query(Query.partition(USERS, s("p1"))
                .where(SortKeyCondition.eq(n(1)))));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.query(Query.partition(EVENTS, s("p1"))
                .where(SortKeyCondition.between(n(5), n(1)))));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.query(Query.partition(EVENTS, s("p1"))
                .startAfter(key("p2", 1))));
        failure(ErrorCode.VALIDATION_ERROR, () -> Query.partition(EVENTS, s("p1")).limit(-1));
        failure(ErrorCode.TABLE_NOT_FOUND, () -> engine.query(Query.partition("nothing", s("p1"))));
    }

    @Test
    void scanSegmentsAreDisjointAndCoverTheTable() {
        for (int i = 0; i < 300; i++) {
            engine.put(PutItem.of(USERS, user("user-" + i, i)));
        }
        for (int total : List.of(1, 3, 7, 64)) {
            Set<AttributeValue> seen = new HashSet<>();
            int count = 0;
            for (int segment = 0; segment < total; segment++) {
                Scan scan = Scan.table(USERS).segment(segment, total).limit(17);
                while (true) {
                    Page page = engine.scan(scan);
                    for (Item item : page.items()) {
                        seen.add(item.get("pk"));
                        count++;
                    }
                    if (page.lastEvaluatedKey().isEmpty()) {
                        break;
                    }
                    scan = scan.startAfter(page.lastEvaluatedKey().get());
                }
            }
            assertThat(count).as("items over %d segments", total).isEqualTo(300);
            assertThat(seen).hasSize(300);
        }
    }

    @Test
    void scanWithFilterAndBadSegments() {
        Condition late = Condition.gt(Operand.path(Path.parse("sk")), Operand.value(n(18)));
        Page page = engine.scan(Scan.table(EVENTS).filter(late));
        assertThat(page.items()).hasSize(4);
        assertThat(page.scannedCount()).isEqualTo(54);
        failure(ErrorCode.VALIDATION_ERROR, () -> Scan.table(EVENTS).segment(3, 3));
        failure(ErrorCode.VALIDATION_ERROR, () -> Scan.table(EVENTS).segment(0, 0));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.scan(Scan.table(EVENTS).startAfter(key("p1"))));
    }

    @Test
    void largeItemsArePagedByBytes() {
        String blob = "x".repeat(300 * 1024);
        for (int i = 0; i < 5; i++) {
            engine.put(PutItem.of(USERS, Item.builder().s("pk", "big" + i).s("blob", blob).build()));
        }
        Page first = engine.scan(Scan.table(USERS));
        assertThat(first.items()).hasSize(4);
        assertThat(first.lastEvaluatedKey()).isPresent();
        assertThat(engine.scan(Scan.table(USERS).startAfter(first.lastEvaluatedKey().get())).items()).hasSize(1);
    }
}

package io.skiff.sql.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringValue;
import io.skiff.functions.DistanceOperator;
import io.skiff.functions.DistanceOperators;
import io.skiff.sql.SqlEngine;
import io.skiff.sql.api.RowCursor;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlSession;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.PutItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * PartiQL's {@code ORDER BY distance(path, value) LIMIT k}: through a vector index it answers what
 * SQL's nearest-neighbour plan answers (same index, same candidates) with high recall; without an
 * index, or with {@code /*+ EXACT *}{@code /}, exactly what brute force answers, ties by key.
 */
class PartiqlNearestTest extends PartiqlFixture {

    private static final DistanceOperator COSINE = DistanceOperators.load().find("cosine").orElseThrow();
    private static final String NEAREST = "SELECT pk FROM docs ORDER BY cosine(v, ?) LIMIT 10";
    private static final String EXACT = "SELECT /*+ EXACT */ pk FROM docs ORDER BY cosine(v, ?) LIMIT 10";

    private final List<ListValue> vectors = new ArrayList<>();

    /** {@code rows} vectors of 8 dimensions around 8 centres; kind alternates x and y. */
    private void fill(int rows) {
        table("docs", "pk:S");
        Random random = new Random(17);
        double[][] centres = new double[8][8];
        for (double[] centre : centres) {
            for (int d = 0; d < centre.length; d++) {
                centre[d] = random.nextGaussian();
            }
        }
        for (int i = 0; i < rows; i++) {
            ListValue vector = vectorNear(centres[i % centres.length], 0.2, random);
            vectors.add(vector);
            engine.put(PutItem.of("docs", Item.builder().s("pk", "d" + i).put("v", vector)
                    .s("kind", i % 2 == 0 ? "x" : "y").build()));
        }
        engine.put(PutItem.of("docs", Item.builder().s("pk", "no-vector").s("kind", "x").build()));
    }

    private static ListValue vectorNear(double[] centre, double spread, Random random) {
        List<AttributeValue> numbers = new ArrayList<>();
        for (double c : centre) {
            numbers.add(AttributeValue.n(BigDecimal.valueOf(c + random.nextGaussian() * spread)));
        }
        return ListValue.of(numbers);
    }

    /** A stored vector moved a little. */
    private ListValue target(Random random) {
        ListValue stored = vectors.get(random.nextInt(vectors.size()));
        double[] centre = stored.values().stream().mapToDouble(v -> ((NumberValue) v).value().doubleValue()).toArray();
        return vectorNear(centre, 0.05, random);
    }

    private static List<String> keys(List<Item> items) {
        return items.stream().map(item -> ((StringValue) item.get("pk")).value()).toList();
    }

    /** The k nearest by a sort of every item that passes the filter: distance, then key. */
    private List<String> bruteForce(ListValue target, int k, Predicate<Item> filter) {
        record Scored(double distance, String key) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Item item : contents().get("docs")) {
            if (filter.test(item) && item.get("v") != null) {
                scored.add(new Scored(COSINE.distance(item.get("v"), target).orElseThrow(),
                        ((StringValue) item.get("pk")).value()));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::distance).thenComparing(Scored::key));
        return scored.stream().limit(k).map(Scored::key).toList();
    }

    /** The first column of a SQL query's rows, over the same engine. */
    private List<String> sql(String query, Object... parameters) {
        try (SqlSession sql = SqlEngine.over(engine).openSession()) {
            SqlResult.Rows rows = (SqlResult.Rows) sql.prepare(query).execute(List.of(parameters));
            List<String> keys = new ArrayList<>();
            try (RowCursor cursor = rows.cursor()) {
                while (cursor.next()) {
                    keys.add((String) cursor.get(0));
                }
            }
            return keys;
        }
    }

    private static List<BigDecimal> numbers(ListValue vector) {
        return vector.values().stream().map(v -> ((NumberValue) v).value()).toList();
    }

    private void indexVectors() {
        engine.createIndex(new IndexDefinition("near", "docs", "v", "vectorlsh", Map.of("dimensions", "8")), false);
    }

    @Test
    void throughAVectorIndexItAnswersAsSqlDoesWithHighRecall() {
        fill(3000);
        indexVectors();
        assertThat(session.prepare(NEAREST).explain().lines().map(String::strip).toList()).containsExactly(
                "PartiqlProject(paths=[pk])",
                "PartiqlNearest(order=[cosine(v, ?) ASC], limit=[10])",
                "SkiffIndexAccess(access=[index probe: near (vectorlsh) for nearest 10 by cosine(v, ?0) (approximate),"
                        + " else full scan])",
                "SkiffTableScan(table=[[skiff, docs]])");
        assertThat(session.prepare(NEAREST).explain()).contains(
                "SkiffIndexAccess(access=[index probe: near (vectorlsh) for nearest 10 by cosine(v, ?0) (approximate),"
                        + " else full scan])");
        Random random = new Random(5);
        double found = 0;
        int queries = 20;
        for (int i = 0; i < queries; i++) {
            ListValue target = target(random);
            List<String> partiql = keys(run(NEAREST, target));
            assertThat(partiql).as("near %s", target)
                    .isEqualTo(sql("SELECT pk FROM docs ORDER BY cosine(v, ?) LIMIT 10", numbers(target)));
            List<String> exact = bruteForce(target, 10, item -> true);
            found += partiql.stream().filter(exact::contains).count();
        }
        assertThat(found / (queries * 10)).as("recall@10").isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void theExactHintAndNoIndexRankEveryItemAsBruteForceDoes() {
        fill(1500);
        indexVectors();
        assertThat(session.prepare(EXACT).explain()).doesNotContain("index probe").contains("PartiqlNearest");
        assertThat(session.prepare("SELECT /*+ NO_INDEX */ pk FROM docs ORDER BY cosine(v, ?) LIMIT 10").explain())
                .doesNotContain("index probe");
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            ListValue target = target(random);
            assertThat(keys(run(EXACT, target))).as("near %s", target).isEqualTo(bruteForce(target, 10, item -> true));
        }
        engine.dropIndex("docs", "near", false);
        session.close();
        session = engineOver(engine, java.time.Clock.systemUTC()).openSession();
        assertThat(session.prepare(NEAREST).explain()).doesNotContain("index probe");
        ListValue target = target(random);
        assertThat(keys(run(NEAREST, target))).isEqualTo(bruteForce(target, 10, item -> true));
    }

    @Test
    void tiesGoToTheSmallerKey() {
        table("docs", "pk:S");
        Random random = new Random(3);
        List<ListValue> few = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            few.add(vectorNear(new double[8], 1, random));
        }
        for (int i = 0; i < 300; i++) {
            engine.put(PutItem.of("docs", Item.builder().s("pk", "t" + (i * 7919 % 300)).put("v", few.get(i % 6))
                    .build()));
        }
        for (int k : new int[] {1, 25, 49, 51, 300}) {
            assertThat(keys(run("SELECT pk FROM docs ORDER BY cosine(v, ?) LIMIT ?", few.get(2), n(k))))
                    .as("k = %d", k).isEqualTo(bruteForce(few.get(2), k, item -> true));
        }
    }

    @Test
    void whereFiltersTheCandidatesAndMarkersGiveTargetAndK() {
        fill(3000);
        indexVectors();
        String filtered = "SELECT pk, kind FROM docs WHERE kind = ? ORDER BY cosine(v, ?) LIMIT ?";
        assertThat(session.prepare(filtered).explain()).contains("PartiqlFilter(condition=[kind = ?])",
                "index probe: near (vectorlsh) for nearest ?2 by cosine(v, ?1)");
        Random random = new Random(11);
        for (int i = 0; i < 10; i++) {
            ListValue target = target(random);
            List<Item> items = run(filtered, s("x"), target, n(7));
            assertThat(items).hasSizeLessThanOrEqualTo(7).allSatisfy(item -> assertThat(item.get("kind")).isEqualTo(s("x")));
            List<String> exact = bruteForce(target, 7, item -> s("x").equals(item.get("kind")));
            assertThat(keys(run("SELECT /*+ EXACT */" + filtered.substring(6), s("x"), target, n(7))))
                    .isEqualTo(exact);
            // The index's candidates, ranked by the exact distance, closest first.
            List<Double> distances = items.stream()
                    .map(item -> COSINE.distance(vectors.get(Integer.parseInt(((StringValue) item.get("pk")).value()
                            .substring(1))), target).orElseThrow()).toList();
            assertThat(distances).isSorted();
        }
    }

    @Test
    void oneRequestReturnsAtMostKItemsInOnePage() {
        fill(200);
        ListValue target = vectors.get(3);
        PartiqlResult page = session.execute(NEAREST, List.of(target), ExecuteOptions.DEFAULT.withLimit(2));
        assertThat(keys(page.items())).hasSize(10).startsWith("d3");
        assertThat(page.nextToken()).isEmpty();
        PartiqlResult scanPage = session.execute("SELECT pk FROM docs", List.of(), ExecuteOptions.DEFAULT.withLimit(2));
        SkiffException e = failure(ErrorCode.VALIDATION_ERROR, () -> session.execute(NEAREST, List.of(target),
                ExecuteOptions.DEFAULT.withNextToken(scanPage.nextToken().orElseThrow())));
        assertThat(e.column()).isEqualTo(30);
    }

    @Test
    void aBadKOrShapeIsAPositionedValidationErrorAndChangesNothing() {
        fill(50);
        SkiffException zero = rejected(ErrorCode.VALIDATION_ERROR, "SELECT pk FROM docs ORDER BY cosine(v, ?) LIMIT ?",
                vectors.get(0), n(0));
        assertThat(zero.getMessage()).contains("whole number from 1 to 10000");
        assertThat(zero.column()).isEqualTo(49);
        assertThat(rejected(ErrorCode.VALIDATION_ERROR, "SELECT pk FROM docs ORDER BY cosine(v, ?) LIMIT ?",
                vectors.get(0), s("ten")).column()).isEqualTo(49);
        assertThat(rejected(ErrorCode.VALIDATION_ERROR,
                "SELECT pk FROM docs ORDER BY cosine(v, ?) DESC LIMIT 3", vectors.get(0)).column()).isEqualTo(43);
        assertThat(rejected(ErrorCode.VALIDATION_ERROR,
                "SELECT pk FROM docs ORDER BY cosine(v, ?), kind LIMIT 3", vectors.get(0)).column()).isEqualTo(44);
        assertThat(rejected(ErrorCode.VALIDATION_ERROR, "SELECT pk FROM docs WHERE pk = 'd1' LIMIT 3").column())
                .isEqualTo(37);
        assertThat(rejected(ErrorCode.VALIDATION_ERROR, "SELECT pk FROM docs ORDER BY size(v) LIMIT 3").column())
                .isEqualTo(30);
    }
}

package io.skiff.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.functions.DistanceOperator;
import io.skiff.functions.DistanceOperators;
import io.skiff.core.value.StringValue;
import io.skiff.sql.api.SqlStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Secondary indexes through SQL: created and dropped by DDL, chosen by cost for distance bounds,
 * prefixes and equalities, shown by EXPLAIN, and answering exactly what a full scan answers.
 */
class IndexPlanningTest extends SqlFixture {

    private static final DistanceOperator LEVENSHTEIN = DistanceOperators.load().find("levenshtein").orElseThrow();
    private static final DistanceOperator SIMHASH = DistanceOperators.load().find("simhash").orElseThrow();
    private static final DistanceOperator JARO_WINKLER = DistanceOperators.load().find("jaro_winkler").orElseThrow();
    private static final String[] STEMS = {"habib", "habibs", "habit", "rabbit", "hobbit", "abbot", "maria", "mario",
            "marina", "martin", "marvin", "melvin"};

    private void fillUsers(int rows) {
        update("CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
        Random random = new Random(11);
        SqlStatement insert = session.prepare("INSERT INTO users (pk, name, code) VALUES (?, ?, ?)");
        List<List<Object>> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String name = STEMS[random.nextInt(STEMS.length)] + (random.nextInt(3) == 0 ? "" : (char) ('a' + i % 26));
            batch.add(Arrays.asList("u" + i, name, Integer.toString(i, 36)));
        }
        insert.executeBatch(batch);
    }

    private Set<String> keys(String sql, Object... parameters) {
        Set<String> keys = new TreeSet<>();
        query(sql, parameters).forEach(row -> keys.add((String) row.get(0)));
        return keys;
    }

    /** What the full table says, filtered here. */
    private Set<String> withinByScan(String target, int k) {
        Set<String> keys = new TreeSet<>();
        for (List<Object> row : query("SELECT pk, name FROM users")) {
            if (LEVENSHTEIN.distance(new StringValue((String) row.get(1)), new StringValue(target)).orElseThrow() <= k) {
                keys.add((String) row.get(0));
            }
        }
        return keys;
    }

    @Test
    void aTrigramIndexServesLevenshteinBoundsWithTheResultsOfAFullScan() {
        fillUsers(3000);
        assertThat(update("CREATE INDEX by_name ON users USING trigram (name)")).isEqualTo(3000);
        String sql = "SELECT pk FROM users WHERE levenshtein(name, 'habibs') <= 1";
        assertThat(explain(sql)).contains("index probe: by_name (trigram) for levenshtein(name, 'habibs') <= 1");
        assertThat(explain("SELECT /*+ EXACT */ pk FROM users WHERE levenshtein(name, 'habibs') <= 1"))
                .contains("index probe: by_name (trigram)");
        assertThat(explain("SELECT /*+ NO_INDEX */ pk FROM users WHERE levenshtein(name, 'habibs') <= 1"))
                .doesNotContain("index probe");
        Random random = new Random(5);
        for (int i = 0; i < 20; i++) {
            String target = STEMS[random.nextInt(STEMS.length)] + (random.nextBoolean() ? "x" : "");
            int k = random.nextInt(3);
            assertThat(keys("SELECT pk FROM users WHERE levenshtein(name, ?) <= ?", target, k))
                    .as("%s within %d", target, k).isEqualTo(withinByScan(target, k));
        }
        // A bound too loose to narrow falls back to the scan, still right.
        assertThat(keys("SELECT pk FROM users WHERE levenshtein(name, ?) <= ?", "ab", 5))
                .isEqualTo(withinByScan("ab", 5));
    }

    /** The keys of the rows whose name is within {@code bound} of {@code target} by jaro_winkler, filtered here. */
    private Set<String> jaroWinklerByScan(String target, double bound) {
        Set<String> keys = new TreeSet<>();
        for (List<Object> row : query("SELECT pk, name FROM users")) {
            if (JARO_WINKLER.distance(new StringValue((String) row.get(1)), new StringValue(target)).orElseThrow()
                    <= bound) {
                keys.add((String) row.get(0));
            }
        }
        return keys;
    }

    @Test
    void aTrigramIndexServesTightJaroWinklerBoundsWithTheResultsOfAFullScan() {
        fillUsers(3000);
        update("CREATE INDEX by_name ON users USING trigram (name)");
        String tight = "SELECT pk FROM users WHERE jaro_winkler(name, 'maria') <= 0.05";
        assertThat(explain(tight)).contains("index probe: by_name (trigram) for jaro_winkler(name, 'maria') <= 0.05");
        assertThat(keys(tight)).isEqualTo(jaroWinklerByScan("maria", 0.05)).isNotEmpty();
        // Too loose for any gram to be certain: the plan is a scan, not a probe that would scan.
        String loose = "SELECT pk FROM users WHERE jaro_winkler(name, 'maria') <= 0.3";
        assertThat(explain(loose)).doesNotContain("index probe").contains("SkiffTableScan");
        assertThat(keys(loose)).isEqualTo(jaroWinklerByScan("maria", 0.3)).isNotEmpty();
        // With markers the plan keeps the probe and each execution narrows or scans.
        String marked = "SELECT pk FROM users WHERE jaro_winkler(name, ?) <= ?";
        assertThat(explain(marked)).contains("index probe: by_name (trigram) for jaro_winkler(name, ?0) <= ?1");
        Random random = new Random(7);
        double[] bounds = {0, 0.02, 0.03, 0.05, 0.08, 0.1, 0.3};
        for (int i = 0; i < 24; i++) {
            StringBuilder target = new StringBuilder(STEMS[random.nextInt(STEMS.length)]);
            if (random.nextBoolean()) {
                int at = random.nextInt(target.length() - 1);
                char moved = target.charAt(at);
                target.setCharAt(at, target.charAt(at + 1));
                target.setCharAt(at + 1, moved);
            }
            if (random.nextBoolean()) {
                target.append((char) ('a' + random.nextInt(26)));
            }
            double bound = bounds[random.nextInt(bounds.length)];
            assertThat(keys(marked, target.toString(), bound)).as("%s within %s", target, bound)
                    .isEqualTo(jaroWinklerByScan(target.toString(), bound));
        }
    }

    @Test
    void prefixesAndEqualitiesUseTheirIndexes() {
        fillUsers(2000);
        update("CREATE INDEX by_code ON users USING radix (code)");
        update("CREATE INDEX names ON users USING bloom (name) WITH (capacity = 10000)");
        assertThat(explain("SELECT pk FROM users WHERE code LIKE '1a%'")).contains("index probe: by_code (radix)");
        Set<String> expected = new TreeSet<>();
        for (List<Object> row : query("SELECT pk, code FROM users")) {
            if (((String) row.get(1)).startsWith("1a")) {
                expected.add((String) row.get(0));
            }
        }
        assertThat(keys("SELECT pk FROM users WHERE code LIKE '1a%'")).isEqualTo(expected).isNotEmpty();

        assertThat(explain("SELECT pk FROM users WHERE name = ?")).contains("rules out");
        assertThat(keys("SELECT pk FROM users WHERE name = ?", "nobody at all")).isEmpty();
        assertThat(keys("SELECT pk FROM users WHERE name = ?", "habib")).isNotEmpty();
    }

    @Test
    void aTinyTableIsScannedAndAnIndexIsForgottenOnceDropped() {
        fillUsers(5);
        update("CREATE INDEX by_name ON users USING trigram (name)");
        String sql = "SELECT pk FROM users WHERE levenshtein(name, 'habibs') <= 1";
        assertThat(explain(sql)).doesNotContain("index probe");
        reopen();
        fillMore(3000);
        assertThat(explain(sql)).contains("index probe");
        update("DROP INDEX by_name ON users");
        assertThat(explain(sql)).doesNotContain("index probe");
    }

    private void fillMore(int rows) {
        SqlStatement insert = session.prepare("INSERT INTO users (pk, name) VALUES (?, ?)");
        List<List<Object>> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            batch.add(Arrays.asList("more" + i, STEMS[i % STEMS.length]));
        }
        insert.executeBatch(batch);
    }

    @Test
    void badIndexStatementsAreRefusedWithTheirPlace() {
        fillUsers(3);
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> update("CREATE INDEX i ON users USING nosuch (name)")))
                .hasMessageContaining("Unknown index plugin 'nosuch'").hasMessageContaining("line 1, column 31");
        assertThat(failure(ErrorCode.VALIDATION_ERROR,
                () -> update("CREATE INDEX i ON users USING geohash (loc) WITH (precision = 40)")))
                .hasMessageContaining("precision").hasMessageContaining("column 31");
        assertThat(failure(ErrorCode.SYNTAX_ERROR, () -> update("CREATE INDEX i ON users (name)")))
                .hasMessageContaining("expected USING");
        failure(ErrorCode.TABLE_NOT_FOUND, () -> update("CREATE INDEX i ON nope USING trigram (name)"));
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> update("DROP INDEX i ON users")))
                .hasMessageContaining("no index named 'i'");
        assertThat(update("DROP INDEX IF EXISTS i ON users")).isZero();
    }

    @Test
    void topKByCosineReadsTheNearestCandidatesAndRanksThemExactly() {
        update("CREATE TABLE docs (pk VARCHAR, PRIMARY KEY (pk))");
        Random random = new Random(17);
        double[][] centres = new double[8][8];
        for (double[] centre : centres) {
            for (int d = 0; d < centre.length; d++) {
                centre[d] = random.nextGaussian();
            }
        }
        SqlStatement insert = session.prepare("INSERT INTO docs (pk, v) VALUES (?, ?)");
        List<List<Object>> batch = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double[] centre = centres[i % centres.length];
            List<Object> vector = new ArrayList<>();
            for (double c : centre) {
                vector.add(java.math.BigDecimal.valueOf(c + random.nextGaussian() * 0.2));
            }
            batch.add(Arrays.asList("d" + i, vector));
        }
        insert.executeBatch(batch);
        update("CREATE INDEX near ON docs USING vectorlsh (v) WITH (dimensions = 8)");
        String topK = "SELECT pk, cosine(v, ?) AS d FROM docs ORDER BY d LIMIT 10";
        assertThat(explain(topK)).contains("index probe: near (vectorlsh) for nearest 10 by cosine(v, ?0)",
                "(approximate)", "EnumerableLimitSort");
        // The hints: no approximate index, or none at all.
        assertThat(explain("SELECT /*+ EXACT */ pk, cosine(v, ?) AS d FROM docs ORDER BY d LIMIT 10"))
                .doesNotContain("index probe");
        assertThat(explain("SELECT /*+ no_index */ pk FROM docs WHERE pk > 'a' AND v IS NOT NULL"))
                .doesNotContain("index probe");
        // The distance may stand in ORDER BY itself, the JDBC form: the same probe, the same answers.
        String direct = "SELECT pk FROM docs ORDER BY cosine(v, ?) LIMIT 10";
        assertThat(explain(direct)).contains("index probe: near (vectorlsh) for nearest 10 by cosine(v, ?0)",
                "(approximate)", "EnumerableLimitSort");
        assertThat(indexAccess(explain(direct))).isEqualTo(indexAccess(explain(topK)));
        assertThat(explain("SELECT /*+ EXACT */ pk FROM docs ORDER BY cosine(v, ?) LIMIT 10"))
                .doesNotContain("index probe");
        for (int i = 0; i < 10; i++) {
            Object target = batch.get(random.nextInt(batch.size())).get(1);
            assertThat(query(direct, target)).as("near %s", target).isEqualTo(firstColumn(query(topK, target)));
            assertThat(query("SELECT /*+ EXACT */ pk FROM docs ORDER BY cosine(v, ?) LIMIT 10", target))
                    .isEqualTo(firstColumn(query("SELECT /*+ EXACT */ pk, cosine(v, ?) AS d FROM docs ORDER BY d"
                            + " LIMIT 10", target)));
        }
        List<Object> query = batch.get(5).get(1) instanceof List<?> list ? List.copyOf(list) : List.of();
        List<List<Object>> found = query(topK, query);
        assertThat(found).hasSize(10);
        assertThat(found.get(0).get(0)).isEqualTo("d5");
        // Ranked by exact distance, smallest first.
        for (int i = 1; i < found.size(); i++) {
            assertThat(((Number) found.get(i).get(1)).doubleValue())
                    .isGreaterThanOrEqualTo(((Number) found.get(i - 1).get(1)).doubleValue());
        }
    }

    /** The plan's line that reads the table. */
    private static String indexAccess(String plan) {
        return plan.lines().filter(line -> line.contains("SkiffIndexAccess")).findFirst().orElse("").strip();
    }

    private static List<List<Object>> firstColumn(List<List<Object>> rows) {
        return rows.stream().map(row -> row.subList(0, 1)).toList();
    }

    @Test
    void equalityIndexesOfEveryKindAnswerAsTheScanDoes() {
        fillUsers(2500);
        update("CREATE INDEX by_segment ON users USING roaring (name)");
        update("CREATE INDEX seen_cuckoo ON users USING cuckoo (code) WITH (capacity = 10000)");
        update("CREATE INDEX seen_counting ON users USING cbloom (code) WITH (capacity = 10000)");
        update("CREATE INDEX by_code ON users USING radix (code)");
        update("DELETE FROM users WHERE pk IN ('u1', 'u2', 'u3')");
        assertThat(explain("SELECT pk FROM users WHERE name = ?")).contains("index probe: by_segment (roaring)");
        Random random = new Random(29);
        for (int i = 0; i < 30; i++) {
            String name = STEMS[random.nextInt(STEMS.length)] + (random.nextBoolean() ? "" : (char) ('a' + i % 26));
            String code = Integer.toString(random.nextInt(3000), 36);
            for (String sql : List.of("SELECT pk FROM users WHERE name = ?", "SELECT pk FROM users WHERE code = ?")) {
                String value = sql.contains("name") ? name : code;
                assertThat(keys(sql, value)).as("%s with %s", sql, value)
                        .isEqualTo(keys(sql.replace("SELECT pk", "SELECT /*+ NO_INDEX */ pk"), value));
            }
        }
        // The deleted items' codes are gone from the removable filters' answers too.
        assertThat(keys("SELECT pk FROM users WHERE code = ?", Integer.toString(2, 36))).isEmpty();
    }

    @Test
    void aSimhashIndexFindsNearDuplicatesAsAScanDoesAndBoundsAtItsBlockCountScan() {
        update("CREATE TABLE docs (pk VARCHAR, PRIMARY KEY (pk))");
        NearDuplicateTexts texts = new NearDuplicateTexts(31);
        List<String> bodies = texts.families(60, 40, 40, 2);
        SqlStatement insert = session.prepare("INSERT INTO docs (pk, body) VALUES (?, ?)");
        List<List<Object>> batch = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            batch.add(Arrays.asList("t" + i, bodies.get(i)));
        }
        insert.executeBatch(batch);
        assertThat(update("CREATE INDEX near ON docs USING simhash (body)")).isEqualTo(bodies.size());
        String sql = "SELECT pk FROM docs WHERE simhash(body, ?) <= ?";
        assertThat(explain(sql)).contains("index probe: near (simhash) for simhash(body, ?0) <= ?1, else full scan");
        assertThat(explain("SELECT pk FROM docs WHERE 2 >= simhash(?, body)"))
                .contains("index probe: near (simhash) for simhash(body, ?0) <= 2");
        Random random = new Random(7);
        int nearButNotEqual = 0;
        for (int i = 0; i < 40; i++) {
            String stored = bodies.get(random.nextInt(bodies.size()));
            String target = i % 8 == 0 ? texts.text(40) : texts.nearDuplicate(stored, 1);
            int bits = random.nextInt(4); // below the 4 blocks: the probe misses nothing
            Set<String> expected = simhashWithin(bodies, target, bits);
            assertThat(keys(sql, target, bits)).as("within %d bits of %s", bits, target).isEqualTo(expected)
                    .isEqualTo(keys(sql.replace("SELECT pk", "SELECT /*+ NO_INDEX */ pk"), target, bits));
            nearButNotEqual += expected.size() - simhashWithin(bodies, target, 0).size();
        }
        assertThat(nearButNotEqual).as("matches a few bits away, not only exact ones").isPositive();
        // At or above the block count the plugin declines: the read scans, with the same answer.
        for (int bits : new int[] {4, 9}) {
            String target = texts.nearDuplicate(bodies.get(random.nextInt(bodies.size())), 1);
            assertThat(keys(sql, target, bits)).as("within %d bits", bits)
                    .isEqualTo(simhashWithin(bodies, target, bits)).isNotEmpty();
        }
    }

    /** The keys of the bodies within {@code bits} of {@code target}, by the operator itself. */
    private static Set<String> simhashWithin(List<String> bodies, String target, int bits) {
        Set<String> keys = new TreeSet<>();
        for (int i = 0; i < bodies.size(); i++) {
            if (SIMHASH.distance(new StringValue(bodies.get(i)), new StringValue(target)).orElseThrow() <= bits) {
                keys.add("t" + i);
            }
        }
        return keys;
    }
}

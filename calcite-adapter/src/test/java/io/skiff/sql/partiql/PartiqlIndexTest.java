package io.skiff.sql.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.StringValue;
import io.skiff.functions.DistanceOperator;
import io.skiff.functions.DistanceOperators;
import io.skiff.sql.NearDuplicateTexts;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.Scan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** PartiQL reads use secondary indexes as SQL does, and answer what a full scan answers. */
class PartiqlIndexTest extends PartiqlFixture {

    private static final DistanceOperator LEVENSHTEIN = DistanceOperators.load().find("levenshtein").orElseThrow();
    private static final DistanceOperator SIMHASH = DistanceOperators.load().find("simhash").orElseThrow();
    private static final DistanceOperator JARO_WINKLER = DistanceOperators.load().find("jaro_winkler").orElseThrow();
    private static final String[] STEMS = {"habib", "habibs", "habit", "rabbit", "hobbit", "maria", "mario", "marina"};

    private void fill(int rows) {
        table("users", "pk:S");
        Random random = new Random(3);
        for (int i = 0; i < rows; i++) {
            engine.put(PutItem.of("users", Item.builder().s("pk", "u" + i)
                    .s("name", STEMS[random.nextInt(STEMS.length)] + (char) ('a' + random.nextInt(4)))
                    .s("code", Integer.toString(i, 36)).build()));
        }
    }

    private static Set<String> keys(List<Item> items) {
        Set<String> keys = new TreeSet<>();
        items.forEach(item -> keys.add(((StringValue) item.get("pk")).value()));
        return keys;
    }

    @Test
    void distanceBoundsAndPrefixesReadThroughTheirIndexes() {
        fill(2000);
        engine.createIndex(new IndexDefinition("by_name", "users", "name", "trigram", Map.of()), false);
        engine.createIndex(new IndexDefinition("by_code", "users", "code", "radix", Map.of()), false);
        String fuzzy = "SELECT * FROM users WHERE levenshtein(name, ?) <= 1";
        assertThat(session.prepare(fuzzy).explain()).contains("index probe: by_name (trigram)");
        List<Item> all = engine.scan(Scan.table("users")).items();
        for (String target : List.of("habibsa", "mariob", "rabbitc", "zzz")) {
            Set<String> expected = new TreeSet<>();
            for (Item item : all) {
                if (LEVENSHTEIN.distance(item.get("name"), new StringValue(target)).orElseThrow() <= 1) {
                    expected.add(((StringValue) item.get("pk")).value());
                }
            }
            assertThat(keys(run(fuzzy, s(target)))).as(target).isEqualTo(expected);
        }
        String prefix = "SELECT * FROM users WHERE begins_with(code, '1a')";
        assertThat(session.prepare(prefix).explain()).contains("index probe: by_code (radix)");
        assertThat(keys(run(prefix))).isEqualTo(keys(all.stream()
                .filter(item -> ((StringValue) item.get("code")).value().startsWith("1a")).toList())).isNotEmpty();
    }

    @Test
    void tightJaroWinklerBoundsReadThroughTheTrigramIndexAndLooseOnesScan() {
        fill(2000);
        engine.createIndex(new IndexDefinition("by_name", "users", "name", "trigram", Map.of()), false);
        assertThat(session.prepare("SELECT * FROM users WHERE jaro_winkler(name, 'maria') <= 0.05").explain())
                .contains("index probe: by_name (trigram)");
        assertThat(session.prepare("SELECT * FROM users WHERE jaro_winkler(name, 'maria') <= 0.3").explain())
                .doesNotContain("index probe");
        String fuzzy = "SELECT * FROM users WHERE jaro_winkler(name, ?) <= ?";
        assertThat(session.prepare(fuzzy).explain()).contains("index probe: by_name (trigram)");
        List<Item> all = engine.scan(Scan.table("users")).items();
        for (String target : List.of("maria", "habibsa", "mraiob", "rabbitc", "zzz")) {
            for (double bound : new double[] {0, 0.02, 0.05, 0.1, 0.3}) {
                Set<String> expected = new TreeSet<>();
                for (Item item : all) {
                    if (JARO_WINKLER.distance(item.get("name"), new StringValue(target)).orElseThrow() <= bound) {
                        expected.add(((StringValue) item.get("pk")).value());
                    }
                }
                assertThat(keys(run(fuzzy, s(target), AttributeValue.n(BigDecimal.valueOf(bound))))).as("%s within %s", target, bound)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aSmallTableIsStillScanned() {
        fill(4);
        engine.createIndex(new IndexDefinition("by_name", "users", "name", "trigram", Map.of()), false);
        assertThat(session.prepare("SELECT * FROM users WHERE levenshtein(name, 'habib') <= 1").explain())
                .doesNotContain("index probe");
    }

    @Test
    void nearDuplicatesReadThroughASimhashIndexBelowItsBlockCountAndAScanAtIt() {
        table("docs", "pk:S");
        NearDuplicateTexts texts = new NearDuplicateTexts(41);
        List<String> bodies = texts.families(50, 40, 40, 2);
        for (int i = 0; i < bodies.size(); i++) {
            engine.put(PutItem.of("docs", Item.builder().s("pk", "t" + i).s("body", bodies.get(i)).build()));
        }
        engine.createIndex(new IndexDefinition("near", "docs", "body", "simhash", Map.of()), false);
        String near = "SELECT * FROM docs WHERE simhash(body, ?) <= ?";
        assertThat(session.prepare(near).explain()).contains("index probe: near (simhash) for simhash(body, ?0) <= ?1");
        Random random = new Random(13);
        int found = 0;
        for (int i = 0; i < 20; i++) {
            String target = texts.nearDuplicate(bodies.get(random.nextInt(bodies.size())), 1);
            int bits = i < 16 ? random.nextInt(4) : 4 + random.nextInt(4); // 4 blocks: from 4 bits on, a scan
            Set<String> expected = new TreeSet<>();
            for (int at = 0; at < bodies.size(); at++) {
                if (SIMHASH.distance(s(bodies.get(at)), s(target)).orElseThrow() <= bits) {
                    expected.add("t" + at);
                }
            }
            assertThat(keys(run(near, s(target), n(bits)))).as("within %d bits of %s", bits, target)
                    .isEqualTo(expected);
            found += expected.size();
        }
        assertThat(found).isPositive();
    }
}

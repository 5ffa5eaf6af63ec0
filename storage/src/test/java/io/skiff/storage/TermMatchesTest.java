package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.Item;
import io.skiff.core.value.StringValue;
import io.skiff.functions.IndexPlugins;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.PutItem;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A probe for "at least m of these n terms" finds exactly the items filed under m of them,
 * whichever lists the engine reads whole and whichever it checks by lookups: compared with a
 * count over every item's terms, for every m, in the memtable and in SST files.
 */
class TermMatchesTest extends EngineFixture {

    private static final TermIndex TRIGRAM = (TermIndex) IndexPlugins.load().configure("trigram", Map.of());
    private static final IndexDefinition BY_NAME = new IndexDefinition("by_name", USERS, "name", "trigram", Map.of());

    private final Map<String, Set<ByteBuffer>> termsByKey = new HashMap<>();

    @Test
    void everyCountOfSharedTermsFindsExactlyTheItemsThatHaveIt() {
        Random random = new Random(11);
        // A small alphabet: long posting lists of very different lengths, and many near misses.
        for (int i = 0; i < 3_000; i++) {
            String name = word(random, 3 + random.nextInt(10));
            engine.put(PutItem.of(USERS, Item.builder().s("pk", "u" + i).s("name", name).build()));
            termsByKey.put("u" + i, terms(name));
        }
        engine.createIndex(BY_NAME, false);
        List<String> queries = random.ints(12, 0, 3_000).mapToObj(i -> word(random, 6 + random.nextInt(8))).toList();
        assertEveryCountMatches(queries);
        reopen(); // the entries are now in SST files, where list lengths are estimated from sizes
        assertEveryCountMatches(queries);
    }

    private void assertEveryCountMatches(List<String> queries) {
        for (String query : queries) {
            List<byte[]> terms = TRIGRAM.terms(new StringValue(query));
            Set<ByteBuffer> distinct = terms.stream().map(ByteBuffer::wrap).collect(Collectors.toSet());
            for (int needed = 1; needed <= distinct.size(); needed++) {
                Probe.Terms probe = new Probe.Terms(terms, needed);
                assertThat(keys(engine.indexCandidates(USERS, "by_name", probe)))
                        .as("items with %d of the terms of '%s'", needed, query)
                        .isEqualTo(itemsSharing(distinct, needed));
            }
        }
    }

    private Set<String> itemsSharing(Set<ByteBuffer> terms, int needed) {
        Set<String> keys = new TreeSet<>();
        termsByKey.forEach((key, own) -> {
            long shared = own.stream().filter(terms::contains).count();
            if (shared >= needed) {
                keys.add(key);
            }
        });
        return keys;
    }

    private static Set<ByteBuffer> terms(String name) {
        return new HashSet<>(TRIGRAM.terms(new StringValue(name)).stream().map(ByteBuffer::wrap).toList());
    }

    private static Set<String> keys(List<Item> items) {
        return items.stream().map(item -> ((StringValue) item.get("pk")).value())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + Math.min(random.nextInt(4), random.nextInt(6))));
        }
        return word.toString();
    }
}

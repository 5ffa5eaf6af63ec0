package io.skiff.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index plugin registry: built-ins and third parties by name, and what every plugin promises. */
class IndexPluginsTest {

    private static final IndexPlugins PLUGINS = IndexPlugins.load();
    private static final List<String> BUILT_INS = List.of("bloom", "cbloom", "cuckoo", "geohash", "minhash", "radix",
            "roaring", "simhash", "trigram", "vectorlsh");

    @TempDir
    Path dir;

    /** Options every built-in accepts: its defaults, and the one required option. */
    private static Map<String, String> minimal(String plugin) {
        return plugin.equals("vectorlsh") ? Map.of("dimensions", "4") : Map.of();
    }

    @Test
    void theBuiltInsAreFoundByNameInAnyCase() {
        assertThat(PLUGINS.all()).extracting(IndexPlugin::name).containsAll(BUILT_INS);
        assertThat(PLUGINS.find("TriGram")).isPresent();
        assertThat(PLUGINS.find("btree")).isEmpty();
        assertThatThrownBy(() -> PLUGINS.configure("btree", Map.of())).isInstanceOf(SkiffException.class)
                .hasMessage("Unknown index plugin 'btree'");
    }

    @Test
    void aThirdPartyIndexPluginOnTheClasspathIsFoundWithoutTouchingSkiff() {
        IndexPlugin plugin = PLUGINS.find("first_letter").orElseThrow();
        assertThat(plugin.getClass().getName()).isEqualTo("com.example.skiffplugin.FirstLetterIndex");
        TermIndex index = (TermIndex) plugin.configure(Map.of());
        assertThat(index.terms(AttributeValue.s("Ova"))).singleElement().isEqualTo(new byte[] {'O'});
        assertThat(index.probe(new IndexPredicate.Prefix("Ov"))).containsInstanceOf(Probe.Terms.class);
    }

    @Test
    void twoIndexPluginsWithOneNameAreRefused() throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(IndexPlugin.class.getName()), "com.example.skiffplugin.ImpostorRadix\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                IndexPlugins.class.getClassLoader())) {
            assertThatThrownBy(() -> IndexPlugins.load(loader)).isInstanceOf(SkiffException.class)
                    .hasMessageContaining("Two index plugins are named 'radix'");
        }
    }

    @Test
    void everyBuiltInDescribesItselfRefusesUnknownOptionsAndRoundTripsItsOptions() {
        for (String name : BUILT_INS) {
            IndexPlugin plugin = PLUGINS.find(name).orElseThrow();
            assertThat(plugin.name()).isEqualTo(name);
            assertThat(plugin.description()).as(name).isNotBlank().doesNotContain("\n");
            assertThatThrownBy(() -> plugin.configure(Map.of("bogus", "1"))).as(name)
                    .isInstanceOf(SkiffException.class).hasMessageStartingWith(name).hasMessageContaining("'bogus'");
            IndexMethod method = plugin.configure(minimal(name));
            IndexMethod again = plugin.configure(method.options());
            assertThat(again.options()).as(name).containsExactlyEntriesOf(method.options());
            assertThat(again.exact()).isEqualTo(method.exact());
            assertThat(method).as(name).isInstanceOfAny(TermIndex.class, FilterIndex.class);
        }
    }

    @Test
    void optionsComeBackCompleteInTheDeclaredOrderAndCanonicalText() {
        assertThat(PLUGINS.configure("vectorlsh", Map.of("dimensions", " 32", "seed", "-7")).options())
                .containsExactly(Map.entry("dimensions", "32"), Map.entry("tables", "8"), Map.entry("bits", "12"),
                        Map.entry("seed", "-7"));
        assertThat(PLUGINS.configure("bloom", Map.of("fpp", "1E-3")).options())
                .containsExactly(Map.entry("capacity", "1000000"), Map.entry("fpp", "0.001"));
        assertThat(PLUGINS.configure("minhash", Map.of()).options())
                .containsExactly(Map.entry("bands", "16"), Map.entry("rows", "4"), Map.entry("seed", "0"));
        assertThat(PLUGINS.configure("geohash", Map.of("PRECISION", "6")).options())
                .containsExactly(Map.entry("precision", "6"));
        assertThat(PLUGINS.configure("trigram", Map.of()).options()).isEmpty();
    }

    @Test
    void everyTermIndexFilesNothingForMissingOrNullValues() {
        for (String name : BUILT_INS) {
            IndexMethod method = PLUGINS.configure(name, minimal(name));
            if (method instanceof TermIndex index) {
                assertThat(index.terms(null)).as(name).isEmpty();
                assertThat(index.terms(AttributeValue.nul())).as(name).isEmpty();
                assertThat(index.probe(new IndexPredicate.Nearest("manhattan", AttributeValue.l(), 3))).as(name).isEmpty();
            } else if (method instanceof FilterIndex filter) {
                long[] cells = new long[filter.cells()];
                FilterIndex.Cells array = new FilterIndex.Cells() {
                    @Override
                    public long get(int index) {
                        return cells[index];
                    }

                    @Override
                    public void set(int index, long value) {
                        cells[index] = value;
                    }
                };
                filter.add(null, array);
                filter.add(AttributeValue.nul(), array);
                assertThat(cells).as(name).containsOnly(0L);
                assertThat(filter.mightContain(AttributeValue.nul(), array)).isFalse();
            }
        }
    }

    @Test
    void probesCheckTheirShape() {
        assertThatThrownBy(() -> new Probe.Terms(List.of(new byte[] {1}), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Probe.Terms(List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Probe.Prefixes(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndexPredicate.Nearest("cosine", AttributeValue.l(), 0))
                .isInstanceOf(SkiffException.class).hasMessage("cosine: the number of nearest items must be at least 1, not 0");
        assertThatThrownBy(() -> new IndexPredicate.WithinDistance("cosine", AttributeValue.l(), Double.NaN))
                .isInstanceOf(SkiffException.class);
        assertThat(new IndexPredicate.WithinDistance("LEVENSHTEIN", AttributeValue.s("a"), 1).operator())
                .isEqualTo("levenshtein");
    }
}

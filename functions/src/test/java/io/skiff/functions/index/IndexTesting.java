package io.skiff.functions.index;

import io.skiff.functions.FilterIndex;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugins;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Configuring built-ins by name, and looking at terms as text, for the index tests. */
final class IndexTesting {

    static final IndexPlugins PLUGINS = IndexPlugins.load();

    private IndexTesting() {
    }

    /** The plugin configured with options given as key, value, key, value... */
    static IndexMethod configure(String plugin, String... options) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        return PLUGINS.configure(plugin, map);
    }

    static TermIndex termIndex(String plugin, String... options) {
        return (TermIndex) configure(plugin, options);
    }

    static FilterIndex filter(String plugin, String... options) {
        return (FilterIndex) configure(plugin, options);
    }

    /** Terms as hex text, so they compare by content. */
    static Set<String> hex(List<byte[]> terms) {
        Set<String> hex = new HashSet<>();
        for (byte[] term : terms) {
            hex.add(HexFormat.of().formatHex(term));
        }
        return hex;
    }

    /** How many of {@code probe}'s terms an item filed under {@code terms} is filed under. */
    static int shared(List<byte[]> terms, Probe.Terms probe) {
        Set<String> mine = hex(terms);
        mine.retainAll(hex(probe.terms()));
        return mine.size();
    }

    /** Whether the item filed under {@code terms} is a candidate of {@code probe}. */
    static boolean candidate(List<byte[]> terms, Probe probe) {
        if (probe instanceof Probe.Terms t) {
            return shared(terms, t) >= t.minMatches();
        }
        if (probe instanceof Probe.Prefixes p) {
            for (String term : hex(terms)) {
                for (String prefix : hex(p.prefixes())) {
                    if (term.startsWith(prefix)) {
                        return true;
                    }
                }
            }
            return false;
        }
        return false;
    }

    /** A filter's cells in memory. */
    static final class ArrayCells implements FilterIndex.Cells {
        final long[] cells;
        int writes;

        ArrayCells(FilterIndex filter) {
            cells = new long[filter.cells()];
        }

        @Override
        public long get(int index) {
            return cells[index];
        }

        @Override
        public void set(int index, long value) {
            cells[index] = value;
            writes++;
        }
    }
}

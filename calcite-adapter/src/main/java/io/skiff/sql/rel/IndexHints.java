package io.skiff.sql.rel;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.hint.HintPredicates;
import org.apache.calcite.rel.hint.HintStrategyTable;
import org.apache.calcite.rel.hint.RelHint;

/**
 * The query hints that steer index use: {@code SELECT /*+ EXACT *}{@code / ...} reads no
 * approximate index (vectorlsh, minhash, or any plugin that says it is not exact), so the answer
 * is that of a full scan; {@code SELECT /*+ NO_INDEX *}{@code / ...} reads no secondary index at
 * all. They reach the statement's table scans, where the index rules read them. Other hints
 * are ignored.
 */
public final class IndexHints {

    /** Only exact indexes: the answer is that of a scan. */
    public static final String EXACT = "exact";
    /** No secondary index. */
    public static final String NO_INDEX = "no_index";

    /** The hints a statement may carry, and the operators they reach. */
    public static final HintStrategyTable STRATEGIES = HintStrategyTable.builder()
            .hintStrategy(EXACT, HintPredicates.TABLE_SCAN)
            .hintStrategy(NO_INDEX, HintPredicates.TABLE_SCAN)
            .build();

    private IndexHints() {
    }

    /** Whether an index path may be used under these hints. */
    static boolean allows(List<RelHint> hints, AccessPath path) {
        return allowsNamed(hints.stream().map(hint -> hint.hintName).toList(), path);
    }

    /**
     * Whether an index path may be used under hints given by name in any case (PartiQL's
     * {@code SELECT /*+ EXACT *}{@code /}, which has no Calcite hints).
     */
    public static boolean allowsNamed(java.util.Collection<String> names, AccessPath path) {
        for (String hint : names) {
            String name = hint.toLowerCase(Locale.ROOT);
            if (name.equals(NO_INDEX)) {
                return false;
            }
            if (name.equals(EXACT) && path instanceof AccessPath.IndexProbe probe && !probe.index().method().exact()) {
                return false;
            }
        }
        return true;
    }
}

package io.skiff.functions;

import java.util.Map;

/**
 * An index plugin configured for one attribute. It is deterministic: the same options and the same
 * value give the same output on every machine and in every run (no clocks, no unseeded randomness,
 * seeds come from the options), because every replica computes index entries in its own apply path
 * and they must agree byte for byte.
 */
public sealed interface IndexMethod permits TermIndex, FilterIndex {

    /**
     * Every option with the defaults filled in, in a stable order and canonical text, to keep in
     * the catalog and show in {@code \d}; configuring the plugin again with these gives an index
     * that computes exactly the same output.
     */
    Map<String, String> options();

    /**
     * True when every probe (or, for a filter, every {@code false} answer) can be trusted: the
     * candidates are a superset of the rows the exact predicate keeps. Approximate indexes may
     * miss rows, in exchange for far fewer candidates; the planner uses them only where the query
     * accepts that.
     */
    boolean exact();
}

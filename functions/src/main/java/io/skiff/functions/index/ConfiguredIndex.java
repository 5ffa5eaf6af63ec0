package io.skiff.functions.index;

import java.util.Map;

/** What every built-in index method holds: the options it was configured with, and whether it is exact. */
abstract class ConfiguredIndex {

    private final Map<String, String> options;
    private final boolean exact;

    ConfiguredIndex(Map<String, String> options, boolean exact) {
        this.options = options;
        this.exact = exact;
    }

    public final Map<String, String> options() {
        return options;
    }

    public final boolean exact() {
        return exact;
    }
}

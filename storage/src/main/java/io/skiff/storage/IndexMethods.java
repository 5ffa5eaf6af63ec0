package io.skiff.storage;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugins;
import io.skiff.storage.api.IndexDefinition;

/** The index plugins of the classpath, which turn an index's definition into its method. */
final class IndexMethods {

    private static final IndexPlugins PLUGINS = IndexPlugins.shared();

    private IndexMethods() {
    }

    /**
     * The method of a stored index. A plugin that was there when the index was created and is
     * missing now stops the engine from opening, rather than leaving an index silently stale.
     */
    static IndexMethod configure(IndexDefinition definition) {
        if (PLUGINS.find(definition.plugin()).isEmpty()) {
            throw new SkiffException(ErrorCode.STORAGE_ERROR, "Index '" + definition.name() + "' of table '"
                    + definition.table() + "' uses the index plugin '" + definition.plugin() + "', which is not on"
                    + " the classpath; add its jar, or open with a Skiff that has it");
        }
        return PLUGINS.configure(definition.plugin(), definition.options());
    }

    /** The method of a new index; an unknown plugin or a bad option is the statement's mistake. */
    static IndexMethod configureNew(IndexDefinition definition) {
        return PLUGINS.configure(definition.plugin(), definition.options());
    }
}

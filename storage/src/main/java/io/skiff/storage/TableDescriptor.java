package io.skiff.storage;

import io.skiff.core.schema.TableSchema;

/** A table as the engine knows it: its schema and the id that prefixes its item keys. */
record TableDescriptor(long id, TableSchema schema) {

    String name() {
        return schema.name();
    }
}

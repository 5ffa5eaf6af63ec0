package io.skiff.storage;

/**
 * Where an index is in its life. A {@link #BUILDING} index is maintained by every write (its
 * definition is in the table's descriptor) while a background build files the items that were
 * there before it; reads use only {@link #READY} indexes, whose entries cover every item.
 */
enum IndexState {
    /** Maintained by writes, being filled by a build, not read. */
    BUILDING,
    /** Complete: maintained by writes and read by probes. */
    READY
}

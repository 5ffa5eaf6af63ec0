package io.skiff.storage.api;

/** Which attributes a write returns, as in the reference system. */
public enum ReturnValues {
    /** Nothing. */
    NONE,
    /** The whole item as it was before the write. */
    ALL_OLD,
    /** The attributes the update touched, as they were before it (update only). */
    UPDATED_OLD,
    /** The whole item as it is after the write (update only). */
    ALL_NEW,
    /** The attributes the update touched, as they are after it (update only). */
    UPDATED_NEW
}

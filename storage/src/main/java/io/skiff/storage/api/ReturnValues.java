package io.skiff.storage.api;

import io.skiff.core.error.SkiffException;

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
    UPDATED_NEW;

    /** Checks that a put or delete asks for {@code NONE} or {@code ALL_OLD}, the only choices it has. */
    static ReturnValues requireNoneOrAllOld(ReturnValues returnValues, String operation) {
        if (returnValues != NONE && returnValues != ALL_OLD) {
            throw SkiffException.validation("ReturnValues " + returnValues + " is not valid for a " + operation
                    + "; use NONE or ALL_OLD");
        }
        return returnValues;
    }
}

package io.skiff.parser.partiql;

/** What an UPDATE or DELETE returns: its {@code RETURNING} clause, or {@link #NONE} without one. */
public enum ReturnValues {
    NONE,
    /** {@code RETURNING ALL OLD *}: the whole item as it was before the statement. */
    ALL_OLD,
    /** {@code RETURNING MODIFIED OLD *}: the updated attributes as they were before. */
    MODIFIED_OLD,
    /** {@code RETURNING ALL NEW *}: the whole item as it is after the update. */
    ALL_NEW,
    /** {@code RETURNING MODIFIED NEW *}: the updated attributes as they are after. */
    MODIFIED_NEW;

    /** The clause as written, e.g. {@code RETURNING ALL OLD *}; empty for {@link #NONE}. */
    public String clause() {
        return this == NONE ? "" : "RETURNING " + name().replace('_', ' ') + " *";
    }
}

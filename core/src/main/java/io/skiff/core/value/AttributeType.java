package io.skiff.core.value;

import io.skiff.core.error.SkiffException;

/** The ten attribute types, named by their DynamoDB JSON tags. */
public enum AttributeType {
    S, N, B, BOOL, NULL, SS, NS, BS, L, M;

    /** Whether values of this type may be key attributes ({@code S}, {@code N}, {@code B}). */
    public boolean isScalarKeyType() {
        return this == S || this == N || this == B;
    }

    /** Whether this is one of the set types. */
    public boolean isSet() {
        return this == SS || this == NS || this == BS;
    }

    /** The type named by a JSON tag such as {@code "S"} or {@code "BOOL"}. */
    public static AttributeType fromTag(String tag) {
        for (AttributeType type : values()) {
            if (type.name().equals(tag)) {
                return type;
            }
        }
        throw SkiffException.validation("Unknown attribute type '" + tag
                + "'; expected one of S, N, B, BOOL, NULL, SS, NS, BS, L, M");
    }
}

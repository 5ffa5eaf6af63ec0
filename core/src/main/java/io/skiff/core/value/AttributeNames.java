package io.skiff.core.value;

import io.skiff.core.error.Messages;
import io.skiff.core.error.SkiffException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The naming rules of the reference system for attributes and tables. Every violation is a
 * {@link io.skiff.core.error.ErrorCode#VALIDATION_ERROR} whose message quotes the name
 * (abbreviated when long) and states the rule.
 */
public final class AttributeNames {

    /** Most UTF-8 bytes an attribute name may take. */
    public static final int MAX_NAME_BYTES = 65535;
    /** Most UTF-8 bytes the name of a key attribute may take. */
    public static final int MAX_KEY_NAME_BYTES = 255;
    /** Fewest characters in a table name. */
    public static final int MIN_TABLE_NAME_LENGTH = 3;
    /** Most characters in a table name. */
    public static final int MAX_TABLE_NAME_LENGTH = 255;

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private AttributeNames() {
    }

    /** Checks an attribute name: not empty, at most {@value #MAX_NAME_BYTES} bytes of UTF-8. */
    public static void validate(String name) {
        validate(name, DocumentPath.ROOT);
    }

    /** Checks the name of a key attribute: not empty, at most {@value #MAX_KEY_NAME_BYTES} bytes of UTF-8. */
    public static void validateKeyName(String name) {
        requireLength(name, "key attribute name", MAX_KEY_NAME_BYTES, DocumentPath.ROOT);
    }

    /**
     * Checks a table name: {@value #MIN_TABLE_NAME_LENGTH} to {@value #MAX_TABLE_NAME_LENGTH}
     * characters, each a letter, a digit, {@code _}, {@code -} or {@code .}.
     */
    public static void validateTableName(String name) {
        if (name == null) {
            throw SkiffException.validation("Table name is missing");
        }
        if (name.length() < MIN_TABLE_NAME_LENGTH || name.length() > MAX_TABLE_NAME_LENGTH
                || !TABLE_NAME.matcher(name).matches()) {
            throw SkiffException.validation("Invalid table name " + Messages.quote(name) + ": a table name must be "
                    + MIN_TABLE_NAME_LENGTH + " to " + MAX_TABLE_NAME_LENGTH
                    + " characters of a-z, A-Z, 0-9, '_', '-' and '.'");
        }
    }

    /**
     * Checks every attribute name in an item, including the names inside nested maps, also maps
     * inside lists. The message of a nested violation says where the map holding the name is,
     * such as {@code at address.rooms[2]}.
     */
    public static void validateItem(Item item) {
        validateEntries(item.attributes(), DocumentPath.ROOT);
    }

    private static void validateEntries(Map<String, AttributeValue> entries, DocumentPath path) {
        for (Map.Entry<String, AttributeValue> entry : entries.entrySet()) {
            validate(entry.getKey(), path);
            validateNested(entry.getValue(), path.name(entry.getKey()));
        }
    }

    private static void validateNested(AttributeValue value, DocumentPath path) {
        if (value instanceof MapValue map) {
            validateEntries(map.values(), path);
        } else if (value instanceof ListValue list) {
            for (int i = 0; i < list.values().size(); i++) {
                validateNested(list.values().get(i), path.index(i));
            }
        }
    }

    private static void validate(String name, DocumentPath path) {
        requireLength(name, "attribute name", MAX_NAME_BYTES, path);
    }

    private static void requireLength(String name, String what, int maxBytes, DocumentPath path) {
        String where = path.isRoot() ? "" : " at " + path;
        if (name == null) {
            throw SkiffException.validation(capitalized(what) + where + " is missing");
        }
        if (name.isEmpty()) {
            throw SkiffException.validation("Invalid " + what + " ''" + where + ": it may not be empty");
        }
        long bytes = Utf8.length(name);
        if (bytes > maxBytes) {
            throw SkiffException.validation("Invalid " + what + " " + Messages.quote(name) + where + ": it is "
                    + bytes + " bytes of UTF-8; at most " + maxBytes + " are allowed");
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

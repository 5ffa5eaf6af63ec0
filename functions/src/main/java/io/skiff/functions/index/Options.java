package io.skiff.functions.index;

import io.skiff.core.error.SkiffException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plugin's {@code WITH} options being read: unknown keys and bad values are refused with a
 * message naming the plugin and the option, defaults fill the gaps, and what was read is kept in
 * canonical text in the order the plugin declares its options.
 */
final class Options {

    private final String plugin;
    private final List<String> known;
    private final Map<String, String> given = new TreeMap<>();
    private final Map<String, String> resolved = new TreeMap<>();

    private Options(String plugin, List<String> known) {
        this.plugin = plugin;
        this.known = known;
    }

    /**
     * @param known every option the plugin takes, in the order {@link #resolved()} lists them
     * @throws SkiffException for an option not in {@code known}
     */
    static Options read(String plugin, Map<String, String> options, String... known) {
        Options read = new Options(plugin, List.of(known));
        for (Map.Entry<String, String> option : options.entrySet()) {
            String key = option.getKey().toLowerCase(Locale.ROOT);
            if (!read.known.contains(key)) {
                throw SkiffException.validation(known.length == 0
                        ? plugin + " takes no options, not '" + key + "'"
                        : plugin + " has no option '" + key + "'; its options are " + String.join(", ", known));
            }
            if (option.getValue() == null) {
                throw SkiffException.validation(plugin + " option '" + key + "' has no value");
            }
            read.given.put(key, option.getValue().trim());
        }
        return read;
    }

    /** A whole number in [min, max], {@code defaultValue} when left out. */
    int integer(String key, int defaultValue, int min, int max) {
        return given.containsKey(key) ? requiredInteger(key, min, max, "") : keep(key, defaultValue);
    }

    /**
     * A whole number in [min, max] that has no default.
     *
     * @param meaning what the option is, for the message when it is missing
     */
    int requiredInteger(String key, int min, int max, String meaning) {
        String text = given.get(key);
        if (text == null) {
            throw SkiffException.validation(plugin + " needs the option '" + key + "'" + meaning);
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            value = Long.MIN_VALUE;
        }
        if (value < min || value > max) {
            throw SkiffException.validation(plugin + " option '" + key + "' must be a whole number from " + min
                    + " to " + max + ", not '" + text + "'");
        }
        return keep(key, (int) value);
    }

    /** Any 64-bit whole number (a seed), {@code defaultValue} when left out. */
    long seed(String key, long defaultValue) {
        String text = given.get(key);
        long value = defaultValue;
        if (text != null) {
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw SkiffException.validation(plugin + " option '" + key + "' must be a whole number from "
                        + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", not '" + text + "'");
            }
        }
        resolved.put(key, Long.toString(value));
        return value;
    }

    /** A decimal number in [min, max], {@code defaultValue} when left out; kept in plain canonical text. */
    double decimal(String key, String defaultValue, String min, String max) {
        String text = given.getOrDefault(key, defaultValue);
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null || value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0) {
            throw SkiffException.validation(plugin + " option '" + key + "' must be a number from " + min + " to "
                    + max + ", not '" + text + "'");
        }
        String canonical = value.stripTrailingZeros().toPlainString();
        resolved.put(key, canonical);
        // From the canonical text, so that configuring from the stored options gives the same double.
        return Double.parseDouble(canonical);
    }

    private int keep(String key, int value) {
        resolved.put(key, Integer.toString(value));
        return value;
    }

    /**
     * @param text what went wrong with options that are each fine alone, e.g. "needs 3 GiB"
     */
    SkiffException invalid(String text) {
        return SkiffException.validation(plugin + ": " + text);
    }

    /** Every option read, in the declared order, in canonical text: what {@code IndexMethod.options()} returns. */
    Map<String, String> resolved() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String key : known) {
            if (resolved.containsKey(key)) {
                ordered.put(key, resolved.get(key));
            }
        }
        return Collections.unmodifiableMap(ordered);
    }
}

package io.skiff.sql.exec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calcite settings that are JVM system properties, read once when Calcite's first class loads.
 * Calcite's default character set for string literals and types is ISO-8859-1, in which a literal
 * such as {@code '日本語'} cannot even be written; Skiff's strings are Unicode. So Skiff sets
 * UTF-16LE (which holds every code point) before it touches Calcite, unless the application has
 * chosen a value itself.
 */
public final class CalciteSettings {

    private static final Logger LOG = LoggerFactory.getLogger(CalciteSettings.class);
    private static final String CHARSET = "UTF-16LE";

    static {
        setIfAbsent("calcite.default.charset", CHARSET);
        setIfAbsent("calcite.default.nationalcharset", CHARSET);
        setIfAbsent("calcite.default.collation.name", CHARSET + "$en_US");
        String effective = org.apache.calcite.config.CalciteSystemProperty.DEFAULT_CHARSET.value();
        if (!CHARSET.equals(effective)) {
            LOG.warn("Calcite was loaded with default charset {} before Skiff could set {}: string literals outside"
                    + " that charset will be rejected", effective, CHARSET);
        }
    }

    private CalciteSettings() {
    }

    /**
     * Applies the settings (once per JVM). Every Skiff class that can be the first to touch
     * Calcite calls this from its static initializer.
     */
    public static void apply() {
        // The work happens in the static initializer, which the JVM runs exactly once.
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}

package io.skiff.repl.bulk;

import java.util.Map;

/**
 * One record of an import file, or why it could not be read.
 *
 * @param line   the 1-based line of the file on which the record starts
 * @param values the record's values by attribute name ({@link CsvText} for CSV fields, plain
 *               JSON values for JSON Lines), or {@code null} when it could not be read
 * @param error  why the record could not be read, or {@code null}
 */
public record SourceRecord(int line, Map<String, Object> values, String error) {

    static SourceRecord of(int line, Map<String, Object> values) {
        return new SourceRecord(line, values, null);
    }

    static SourceRecord bad(int line, String error) {
        return new SourceRecord(line, null, error);
    }

    /** Whether the record could be read. */
    public boolean readable() {
        return error == null;
    }
}

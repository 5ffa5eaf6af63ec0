package io.skiff.repl.bulk;

/**
 * A non-empty CSV field, or an empty one in quotes. An empty field without quotes is SQL NULL
 * and has no {@code CsvText}; quoting is kept because it says "this is text" to the import.
 *
 * @param text   the field's text, quotes removed and doubled quotes undone
 * @param quoted whether the field was in quotes
 */
public record CsvText(String text, boolean quoted) {
}

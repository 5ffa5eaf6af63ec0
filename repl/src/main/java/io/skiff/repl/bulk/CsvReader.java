package io.skiff.repl.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads CSV as RFC 4180 has it: the first record names the columns; a field in double quotes
 * may hold commas, quotes (doubled) and line breaks, so a record may span lines; lines end with
 * CRLF or LF; blank lines are skipped. Each record's values are {@link CsvText}, or
 * {@code null} for an empty field without quotes.
 */
final class CsvReader implements RecordReader {

    private static final int END = -1;

    private final CountingInputStream counted;
    private final BufferedReader in;
    private final List<String> header;
    private int line = 1;
    private int pending = -2;

    /**
     * @throws IOException when the header cannot be read, or names a column twice or not at all
     */
    CsvReader(InputStream input) throws IOException {
        this.counted = new CountingInputStream(input);
        this.in = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8));
        if (peek() == '\uFEFF') {
            read();
        }
        Optional<Fields> first = fields();
        if (first.isEmpty()) {
            throw new IOException("the file is empty; a CSV file starts with a header line naming its columns");
        }
        if (first.get().error() != null) {
            throw new IOException("header: " + first.get().error());
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvText name : first.get().values()) {
            String text = name == null ? "" : name.text().strip();
            if (text.isEmpty()) {
                throw new IOException("the header has an empty column name");
            }
            if (!seen.add(text)) {
                throw new IOException("the header names column '" + text + "' twice");
            }
            names.add(text);
        }
        this.header = List.copyOf(names);
    }

    /** The column names of the header. */
    List<String> header() {
        return header;
    }

    @Override
    public Optional<SourceRecord> next() throws IOException {
        Optional<Fields> next = fields();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = next.get();
        if (fields.error() != null) {
            return Optional.of(SourceRecord.bad(fields.line(), fields.error()));
        }
        if (fields.values().size() != header.size()) {
            return Optional.of(SourceRecord.bad(fields.line(), "the record has " + fields.values().size()
                    + " fields, the header " + header.size()));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), fields.values().get(i));
        }
        return Optional.of(SourceRecord.of(fields.line(), values));
    }

    /** One record's fields, or why it cannot be read; the line it starts on. */
    private record Fields(int line, List<CsvText> values, String error) {
    }

    /** The next non-blank record; empty at the end of the text. */
    private Optional<Fields> fields() throws IOException {
        while (peek() == '\n' || peek() == '\r') {
            endOfLine();
        }
        if (peek() == END) {
            return Optional.empty();
        }
        int start = line;
        List<CsvText> values = new ArrayList<>();
        while (true) {
            String error = field(values);
            if (error != null) {
                skipRestOfRecord();
                return Optional.of(new Fields(start, null, error));
            }
            int c = peek();
            if (c == ',') {
                read();
                continue;
            }
            if (c == '\r' || c == '\n') {
                endOfLine();
            }
            return Optional.of(new Fields(start, values, null));
        }
    }

    /** Reads one field into {@code values}; returns an error, or null. */
    private String field(List<CsvText> values) throws IOException {
        if (peek() != '"') {
            StringBuilder text = new StringBuilder();
            for (int c = peek(); c != ',' && c != '\r' && c != '\n' && c != END; c = peek()) {
                if (c == '"') {
                    return "a quote inside a field that does not start with one";
                }
                text.append((char) read());
            }
            values.add(text.isEmpty() ? null : new CsvText(text.toString(), false));
            return null;
        }
        int opened = line;
        read();
        StringBuilder text = new StringBuilder();
        while (true) {
            int c = read();
            if (c == END) {
                return "the quote opened on line " + opened + " is not closed";
            }
            if (c == '\n') {
                line++;
            }
            if (c == '"') {
                if (peek() == '"') {
                    text.append((char) read());
                    continue;
                }
                int after = peek();
                if (after != ',' && after != '\r' && after != '\n' && after != END) {
                    return "text after a closing quote";
                }
                values.add(new CsvText(text.toString(), true));
                return null;
            }
            text.append((char) c);
        }
    }

    private void skipRestOfRecord() throws IOException {
        for (int c = peek(); c != '\n' && c != END; c = peek()) {
            read();
        }
        if (peek() == '\n') {
            endOfLine();
        }
    }

    private void endOfLine() throws IOException {
        if (read() == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int peek() throws IOException {
        if (pending == -2) {
            pending = in.read();
        }
        return pending;
    }

    private int read() throws IOException {
        int c = peek();
        pending = -2;
        return c;
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

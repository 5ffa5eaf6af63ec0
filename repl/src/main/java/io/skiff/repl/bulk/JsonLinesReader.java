package io.skiff.repl.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads JSON Lines: one JSON object per line; blank lines are skipped. */
final class JsonLinesReader implements RecordReader {

    private final CountingInputStream counted;
    private final BufferedReader lines;
    private int line;

    JsonLinesReader(InputStream in) {
        this.counted = new CountingInputStream(in);
        this.lines = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<SourceRecord> next() throws IOException {
        String text;
        do {
            text = lines.readLine();
            line++;
            if (text == null) {
                return Optional.empty();
            }
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        } while (text.isBlank());
        try {
            return Optional.of(SourceRecord.of(line, JsonValues.object(text)));
        } catch (IOException e) {
            return Optional.of(SourceRecord.bad(line, e.getMessage()));
        }
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}

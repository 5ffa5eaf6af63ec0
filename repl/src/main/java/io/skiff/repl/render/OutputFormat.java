package io.skiff.repl.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The formats of {@code --format}. */
public enum OutputFormat {
    /** An aligned table with a header and a row-count footer, for people. */
    TABLE(TableRenderer::new, true),
    /** RFC 4180 CSV with a header line. */
    CSV(CsvRenderer::new, false),
    /** One JSON array of row objects per query. */
    JSON(() -> new JsonRenderer(false), false),
    /** One JSON object per row and line (JSON Lines). */
    JSONL(() -> new JsonRenderer(true), false);

    private final Supplier<ResultRenderer> renderer;
    private final boolean confirmationsOnStdout;

    OutputFormat(Supplier<ResultRenderer> renderer, boolean confirmationsOnStdout) {
        this.renderer = renderer;
        this.confirmationsOnStdout = confirmationsOnStdout;
    }

    /** The name users type, as in {@code --format csv}. */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format a user named, in any case.
     *
     * @throws IllegalArgumentException naming the formats there are, when there is no such format
     */
    public static OutputFormat named(String name) {
        return Arrays.stream(values())
                .filter(format -> format.userName().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "'; expected one of "
                        + Arrays.stream(values()).map(OutputFormat::userName).collect(Collectors.joining(", "))));
    }

    /** A renderer for this format. */
    public ResultRenderer renderer() {
        return renderer.get();
    }

    /**
     * Whether confirmations such as {@code OK, 1 row affected} belong on standard output. Only the
     * table format says yes: in the machine formats they would corrupt the data a program reads
     * from standard output, so they go to standard error.
     */
    public boolean confirmationsOnStdout() {
        return confirmationsOnStdout;
    }
}

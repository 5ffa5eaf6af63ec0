package io.skiff.repl.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The formats of {@code --format} and {@code \format}. */
public enum OutputFormat {
    /** An aligned table with a header and a row-count footer, for people. */
    TABLE(TableRenderer::new, true),
    /** One block per row and one line per column, for people ({@code \x}). */
    VERTICAL(VerticalRenderer::new, true),
    /** RFC 4180 CSV with a header line. */
    CSV(display -> new CsvRenderer(), false),
    /** One JSON array of row objects per query. */
    JSON(display -> new JsonRenderer(false), false),
    /** One JSON object per row and line (JSON Lines). */
    JSONL(display -> new JsonRenderer(true), false);

    private final Function<Display, ResultRenderer> renderer;
    private final boolean forPeople;

    OutputFormat(Function<Display, ResultRenderer> renderer, boolean forPeople) {
        this.renderer = renderer;
        this.forPeople = forPeople;
    }

    /** The name users type, as in {@code --format csv}. */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The names users may type, in order, separated by ", ". */
    public static String userNames() {
        return Arrays.stream(values()).map(OutputFormat::userName).collect(Collectors.joining(", "));
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
                        + userNames()));
    }

    /** A renderer for this format on a display of no limits. */
    public ResultRenderer renderer() {
        return renderer(Display.PLAIN);
    }

    /** A renderer for this format on {@code display}. */
    public ResultRenderer renderer(Display display) {
        return renderer.apply(display);
    }

    /**
     * Whether confirmations such as {@code OK, 1 row affected} belong on standard output. Only the
     * formats for people say yes: in the machine formats they would corrupt the data a program
     * reads from standard output, so they go to standard error.
     */
    public boolean confirmationsOnStdout() {
        return forPeople;
    }
}

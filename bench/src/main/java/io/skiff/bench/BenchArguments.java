package io.skiff.bench;

/**
 * The command line of a benchmark main: {@code --items N} and {@code --seconds S}.
 *
 * @param items how many items to load
 * @param seconds how long each measurement runs (after a warm-up as long)
 */
record BenchArguments(int items, int seconds) {

    static BenchArguments parse(String[] args, int defaultItems) {
        return new BenchArguments(option(args, "--items", defaultItems), option(args, "--seconds", 5));
    }

    /** The text after {@code name} on the command line, or {@code fallback} when it is not there. */
    static String text(String[] args, String name, String fallback) {
        String value = fallback;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals(name)) {
                value = args[i + 1];
            }
        }
        return value;
    }

    /** The whole number after {@code name} on the command line, or {@code fallback} when it is not there. */
    static int option(String[] args, String name, int fallback) {
        return Integer.parseInt(text(args, name, String.valueOf(fallback)));
    }
}

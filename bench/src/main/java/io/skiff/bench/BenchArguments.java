package io.skiff.bench;

/**
 * The command line of a benchmark main: {@code --items N} and {@code --seconds S}.
 *
 * @param items how many items to load
 * @param seconds how long each measurement runs (after a warm-up as long)
 */
record BenchArguments(int items, int seconds) {

    static BenchArguments parse(String[] args, int defaultItems) {
        int items = defaultItems;
        int seconds = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--items")) {
                items = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--seconds")) {
                seconds = Integer.parseInt(args[i + 1]);
            }
        }
        return new BenchArguments(items, seconds);
    }
}

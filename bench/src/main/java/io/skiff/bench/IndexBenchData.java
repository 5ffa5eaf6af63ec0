package io.skiff.bench;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NumberValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The rows of the index benchmark, each a pure function of the seed and its number, so a query
 * can be built from any stored row without keeping the rows in memory.
 *
 * <ul>
 * <li>{@code given}: 2 to 4 syllables drawn with a skewed popularity, so common names repeat and
 *     many names lie within a few edits of others; {@code name}: the given name, a space and a
 *     family name of 2 to 4 such syllables, a third of them with a suffix, both capitalised;</li>
 * <li>{@code loc}: a {@code {lat, lon}} map, 90 % around one of {@link #CITIES} (Gaussian,
 *     {@value #CITY_SIGMA_METERS} m per axis), 10 % anywhere between 60° S and 70° N;</li>
 * <li>{@code embedding}: {@value #DIMENSIONS} numbers, one of {@value #CLUSTERS} random centroids
 *     (standard normal components) plus Gaussian noise of {@value #NOISE} per component, stored
 *     with 3 decimals;</li>
 * <li>{@code code}: 8 random lower-case letters.</li>
 * </ul>
 */
final class IndexBenchData {

    static final int DIMENSIONS = 128;
    static final int CLUSTERS = 200;
    static final double NOISE = 0.6;
    static final double CITY_SIGMA_METERS = 8_000;
    static final int CODE_LENGTH = 8;
    /** Decimals kept of each embedding component. */
    private static final int SCALE = 3;
    private static final double METERS_PER_DEGREE = 111_195;

    /** Latitude and longitude of the cities the places cluster around. */
    static final double[][] CITIES = {
        {-23.55, -46.63}, {40.71, -74.01}, {48.86, 2.35}, {35.68, 139.69},
        {6.52, 3.38}, {19.08, 72.88}, {-33.87, 151.21}, {55.76, 37.62},
    };

    private static final String[] SYLLABLES = {
        "ka", "ri", "mo", "sa", "le", "na", "to", "vi", "ar", "el", "an", "dro", "mi", "ta", "lu", "be",
        "ra", "no", "si", "do", "ha", "bi", "ja", "ko", "me", "ni", "pa", "re", "so", "ti", "va", "ze",
        "lo", "mar", "tin", "son", "ber", "ian", "el", "ina", "eo", "us", "ia", "al", "on", "is", "bo",
        "da", "fe", "gu", "hu", "ke", "li", "ma", "nu", "ol", "pe", "qui", "ro", "su", "tu", "ve", "yo",
    };

    private static final String[] SUFFIXES = {"son", "ez", "ini", "ova", "sky", "ard", "ton"};

    private final long seed;
    private final double[][] centroids;

    IndexBenchData(long seed) {
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        centroids = new double[CLUSTERS][DIMENSIONS];
        for (double[] centroid : centroids) {
            for (int d = 0; d < DIMENSIONS; d++) {
                centroid[d] = random.nextGaussian();
            }
        }
    }

    static String key(int row) {
        return "row#" + row;
    }

    /** The randomness of one row: the same for the same seed and row on every run. */
    private SplittableRandom rowRandom(int row, int field) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row * 8L + field);
    }

    Item item(int row) {
        return Item.builder().s("pk", key(row)).s("name", name(row)).s("given", given(row))
                .put("loc", place(lat(row), lon(row)))
                .put("embedding", vector(embeddingUnits(row))).s("code", code(row)).build();
    }

    String given(int row) {
        return syllables(rowRandom(row, 0));
    }

    String name(int row) {
        SplittableRandom random = rowRandom(row, 4);
        String family = syllables(random);
        if (random.nextInt(3) == 0) {
            family += SUFFIXES[random.nextInt(SUFFIXES.length)];
        }
        return capitalised(given(row)) + " " + capitalised(family);
    }

    /** 2 to 4 syllables, fewer and more popular ones more often. */
    private static String syllables(SplittableRandom random) {
        int count = 2 + skewed(random, 3);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(SYLLABLES[skewed(random, SYLLABLES.length)]);
        }
        return text.toString();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** 0 to n - 1, the small ones more often (index = n·u²). */
    private static int skewed(SplittableRandom random, int n) {
        double u = random.nextDouble();
        return (int) (n * u * u);
    }

    double lat(int row) {
        return point(row)[0];
    }

    double lon(int row) {
        return point(row)[1];
    }

    private double[] point(int row) {
        SplittableRandom random = rowRandom(row, 1);
        if (random.nextInt(10) == 0) {
            return new double[] {random.nextDouble(-60, 70), random.nextDouble(-180, 180)};
        }
        return nearCity(random, CITIES[random.nextInt(CITIES.length)]);
    }

    /** A point drawn around a city as the rows are (also where queries are centred). */
    static double[] nearCity(SplittableRandom random, double[] city) {
        double lat = city[0] + random.nextGaussian() * CITY_SIGMA_METERS / METERS_PER_DEGREE;
        double lon = city[1] + random.nextGaussian() * CITY_SIGMA_METERS
                / (METERS_PER_DEGREE * Math.cos(Math.toRadians(city[0])));
        return new double[] {lat, lon};
    }

    static MapValue place(double lat, double lon) {
        return MapValue.of(Map.of("lat", number(lat, 6), "lon", number(lon, 6)));
    }

    /** The stored embedding of a row, in thousandths (what the row holds, exactly). */
    long[] embeddingUnits(int row) {
        SplittableRandom random = rowRandom(row, 2);
        double[] centroid = centroids[random.nextInt(CLUSTERS)];
        long[] units = new long[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) {
            units[d] = Math.round((centroid[d] + random.nextGaussian() * NOISE) * 1000);
        }
        return units;
    }

    /** The stored embedding of a row as doubles. */
    double[] embedding(int row) {
        long[] units = embeddingUnits(row);
        double[] vector = new double[units.length];
        for (int d = 0; d < units.length; d++) {
            vector[d] = units[d] / 1000.0;
        }
        return vector;
    }

    static ListValue vector(long[] units) {
        List<AttributeValue> values = new ArrayList<>(units.length);
        for (long unit : units) {
            values.add(new NumberValue(BigDecimal.valueOf(unit, SCALE)));
        }
        return ListValue.of(values);
    }

    static ListValue vector(double[] components) {
        List<AttributeValue> values = new ArrayList<>(components.length);
        for (double component : components) {
            values.add(number(component, SCALE + 2));
        }
        return ListValue.of(values);
    }

    String code(int row) {
        SplittableRandom random = rowRandom(row, 3);
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(code);
    }

    private static NumberValue number(double value, int decimals) {
        return new NumberValue(BigDecimal.valueOf(Math.round(value * Math.pow(10, decimals)), decimals));
    }
}

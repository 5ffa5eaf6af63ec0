package io.skiff.functions.index;

import io.skiff.functions.distance.Haversine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Geohash cells: the standard geohash (base 32, bits alternating longitude then latitude, each an
 * interval halved again and again), and the cells that cover a circle.
 */
final class GeohashCells {

    static final String ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz";
    static final int MAX_PRECISION = 12;
    /**
     * Most cells a covering may take: a prefix scan each. Precision 1 has 32 cells, so there is
     * always a covering; one that needs all 32 narrows nothing.
     */
    static final int MAX_CELLS = 32;
    /**
     * Radians added to every radius and longitude half-width (about 6 mm on the ground), so that
     * rounding never leaves a point the distance function counts as inside out of the covering.
     */
    private static final double MARGIN = 1e-9;

    private GeohashCells() {
    }

    /** The geohash of a point (degrees) at {@code precision} characters. */
    static String encode(double lat, double lon, int precision) {
        int latBits = latBits(precision);
        int lonBits = 5 * precision - latBits;
        return spell(slice(lat, -90, 90, latBits), slice(lon, -180, 180, lonBits), precision);
    }

    private static int latBits(int precision) {
        return 5 * precision / 2;
    }

    /**
     * Which of the {@code 2^bits} equal slices of [min, max] holds {@code value}, by halving as
     * geohash does (a value on a boundary goes up; {@code max} is in the last slice). Halving is
     * exact in binary floating point, and the result never decreases as {@code value} grows,
     * which is what makes a covering by slice ranges complete.
     */
    static long slice(double value, double min, double max, int bits) {
        long slice = 0;
        double low = min;
        double high = max;
        for (int i = 0; i < bits; i++) {
            double middle = (low + high) / 2;
            if (value >= middle) {
                slice = slice << 1 | 1;
                low = middle;
            } else {
                slice = slice << 1;
                high = middle;
            }
        }
        return slice;
    }

    /** The geohash of a latitude slice and a longitude slice: their bits interleaved from longitude. */
    private static String spell(long latSlice, long lonSlice, int precision) {
        int bits = 5 * precision;
        int latShift = latBits(precision) - 1;
        int lonShift = bits - latBits(precision) - 1;
        char[] hash = new char[precision];
        int character = 0;
        for (int i = 0; i < bits; i++) {
            long bit = i % 2 == 0 ? lonSlice >>> lonShift-- : latSlice >>> latShift--;
            character = character << 1 | (int) (bit & 1);
            if (i % 5 == 4) {
                hash[i / 5] = ALPHABET.charAt(character);
                character = 0;
            }
        }
        return new String(hash);
    }

    /**
     * The cells, at the finest precision up to {@code maxPrecision} that needs at most
     * {@link #MAX_CELLS}, that together hold every point within {@code meters} of (lat, lon) on the
     * sphere of {@link Haversine}: all cells meeting the circle's latitude/longitude bounding box,
     * which runs over a pole or across the antimeridian where the circle does.
     *
     * @return sorted geohashes; empty when the circle covers (nearly) the whole Earth
     */
    static Optional<List<String>> covering(double lat, double lon, double meters, int maxPrecision) {
        double radius = meters / Haversine.EARTH_RADIUS_METERS + MARGIN;
        if (!(radius < Math.PI)) {
            return Optional.empty();
        }
        double reach = Math.toDegrees(radius);
        double latMin = Math.max(-90, lat - reach);
        double latMax = Math.min(90, lat + reach);
        List<double[]> lonRanges = new ArrayList<>(2);
        double ratio = StrictMath.sin(radius) / StrictMath.cos(Math.toRadians(lat));
        if (latMin <= -90 || latMax >= 90 || !(ratio < 1 - MARGIN)) {
            // The circle holds a pole (or nearly): it reaches every longitude.
            lonRanges.add(new double[] {-180, 180});
        } else {
            // The widest longitude a circle not holding a pole reaches: asin(sin r / cos lat).
            double halfWidth = Math.toDegrees(StrictMath.asin(ratio) + MARGIN);
            double west = lon - halfWidth;
            double east = lon + halfWidth;
            if (west < -180) {
                lonRanges.add(new double[] {west + 360, 180});
                lonRanges.add(new double[] {-180, east});
            } else if (east > 180) {
                lonRanges.add(new double[] {west, 180});
                lonRanges.add(new double[] {-180, east - 360});
            } else {
                lonRanges.add(new double[] {west, east});
            }
        }
        for (int precision = maxPrecision; ; precision--) {
            int latBits = latBits(precision);
            int lonBits = 5 * precision - latBits;
            long south = slice(latMin, -90, 90, latBits);
            long north = slice(latMax, -90, 90, latBits);
            List<long[]> lonSlices = merged(lonRanges, lonBits);
            long lonCount = 0;
            for (long[] slices : lonSlices) {
                lonCount += slices[1] - slices[0] + 1;
            }
            long cells = (north - south + 1) * lonCount;
            if (cells > MAX_CELLS) {
                continue; // precision 1 has 32 cells in all, so this ends there at the latest
            }
            if (precision == 1 && cells == MAX_CELLS) {
                return Optional.empty();
            }
            List<String> hashes = new ArrayList<>((int) cells);
            for (long latSlice = south; latSlice <= north; latSlice++) {
                for (long[] slices : lonSlices) {
                    for (long lonSlice = slices[0]; lonSlice <= slices[1]; lonSlice++) {
                        hashes.add(spell(latSlice, lonSlice, precision));
                    }
                }
            }
            Collections.sort(hashes);
            return Optional.of(hashes);
        }
    }

    /** The longitude slices of some ranges, as disjoint [first, last] runs. */
    private static List<long[]> merged(List<double[]> ranges, int bits) {
        List<long[]> runs = new ArrayList<>(2);
        for (double[] range : ranges) {
            runs.add(new long[] {slice(range[0], -180, 180, bits), slice(range[1], -180, 180, bits)});
        }
        runs.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>(2);
        for (long[] run : runs) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && run[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], run[1]);
            } else {
                merged.add(run);
            }
        }
        return merged;
    }
}

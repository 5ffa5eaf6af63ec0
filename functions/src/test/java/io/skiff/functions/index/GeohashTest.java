package io.skiff.functions.index;

import static io.skiff.functions.index.IndexTesting.candidate;
import static io.skiff.functions.index.IndexTesting.termIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import io.skiff.functions.distance.Haversine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeohashTest {

    private static final TermIndex GEOHASH = termIndex("geohash");

    static AttributeValue point(double lat, double lon) {
        return AttributeValue.m(Map.of("lat", AttributeValue.n(BigDecimal.valueOf(lat)),
                "lon", AttributeValue.n(BigDecimal.valueOf(lon))));
    }

    private static String geohash(TermIndex index, double lat, double lon) {
        return new String(index.terms(point(lat, lon)).get(0), StandardCharsets.US_ASCII);
    }

    private static Optional<Probe> within(TermIndex index, double lat, double lon, double meters) {
        return index.probe(new IndexPredicate.WithinDistance("haversine", point(lat, lon), meters));
    }

    @Test
    void pointsAreFiledUnderTheStandardGeohash() {
        assertThat(geohash(termIndex("geohash", "precision", "5"), 42.6, -5.6)).isEqualTo("ezs42");
        assertThat(geohash(termIndex("geohash", "precision", "11"), 57.64911, 10.40744)).isEqualTo("u4pruydqqvj");
        assertThat(geohash(GEOHASH, 48.8566, 2.3522)).hasSize(8).startsWith("u09t");
        assertThat(geohash(GEOHASH, -90, -180)).isEqualTo("00000000");
        assertThat(geohash(GEOHASH, 90, 180)).isEqualTo("zzzzzzzz");
        assertThat(geohash(termIndex("geohash", "precision", "12"), 0, 0)).isEqualTo("s00000000000");
        // Extra attributes are fine; anything haversine refuses is not indexed.
        assertThat(GEOHASH.terms(AttributeValue.m(Map.of("lat", AttributeValue.n(1), "lon", AttributeValue.n(2),
                "name", AttributeValue.s("x"))))).hasSize(1);
        assertThat(GEOHASH.terms(point(91, 0))).isEmpty();
        assertThat(GEOHASH.terms(point(0, -180.5))).isEmpty();
        assertThat(GEOHASH.terms(AttributeValue.m(Map.of("lat", AttributeValue.n(1))))).isEmpty();
        assertThat(GEOHASH.terms(AttributeValue.m(Map.of("lat", AttributeValue.s("1"), "lon", AttributeValue.n(1))))).isEmpty();
        assertThat(GEOHASH.terms(AttributeValue.s("u09t"))).isEmpty();
        assertThat(GEOHASH.exact()).isTrue();
    }

    @Test
    void precisionIsValidated() {
        for (String bad : List.of("0", "13", "eight", "8.5", "")) {
            assertThatThrownBy(() -> termIndex("geohash", "precision", bad)).isInstanceOf(SkiffException.class)
                    .hasMessage("geohash option 'precision' must be a whole number from 1 to 12, not '" + bad + "'");
        }
        assertThatThrownBy(() -> termIndex("geohash", "radius", "5")).hasMessage(
                "geohash has no option 'radius'; its options are precision");
        assertThat(termIndex("geohash", "precision", "12").options()).containsEntry("precision", "12");
    }

    @Test
    void probesAnswerOnlyForHaversineAroundAPoint() {
        assertThat(within(GEOHASH, 10, 10, -1)).containsInstanceOf(Probe.None.class);
        assertThat(within(GEOHASH, 10, 10, 25_000_000)).isEmpty(); // the whole Earth
        assertThat(within(GEOHASH, 10, 10, Double.POSITIVE_INFINITY)).isEmpty();
        assertThat(GEOHASH.probe(new IndexPredicate.WithinDistance("euclidean", point(1, 1), 5))).isEmpty();
        assertThat(GEOHASH.probe(new IndexPredicate.WithinDistance("haversine", AttributeValue.s("x"), 5))).isEmpty();
        assertThat(GEOHASH.probe(new IndexPredicate.Nearest("haversine", point(1, 1), 5))).isEmpty();
        Probe.Prefixes zero = (Probe.Prefixes) within(GEOHASH, 48.8566, 2.3522, 0).orElseThrow();
        assertThat(zero.prefixes()).singleElement().isEqualTo(GEOHASH.terms(point(48.8566, 2.3522)).get(0));
        // A radius of zero at the pole is every longitude; on the antimeridian, both of its sides.
        assertThat(candidate(GEOHASH.terms(point(90, -123.4)), within(GEOHASH, 90, 45, 0).orElseThrow())).isTrue();
        assertThat(candidate(GEOHASH.terms(point(12, -180)), within(GEOHASH, 12, 180, 0).orElseThrow())).isTrue();
        assertThat(candidate(GEOHASH.terms(point(12, 180)), within(GEOHASH, 12, -180, 0).orElseThrow())).isTrue();
    }

    @Test
    void everyPointInsideACircleFallsUnderAReturnedPrefix() {
        Random random = new Random(5);
        double[] radii = {0, 1, 30, 500, 5_000, 80_000, 1_000_000, 6_000_000, 15_000_000};
        int circles = 0;
        int inside = 0;
        long prefixes = 0;
        long scans = 0;
        for (int c = 0; c < 1_500; c++) {
            TermIndex index = c % 3 == 0 ? GEOHASH : termIndex("geohash", "precision", Integer.toString(1 + random.nextInt(12)));
            double lat = switch (c % 5) {
                case 0 -> 90 - random.nextDouble() * 0.01; // near the north pole
                case 1 -> -90 + random.nextDouble() * 0.01;
                default -> random.nextDouble() * 180 - 90;
            };
            double lon = c % 4 == 0 ? (random.nextBoolean() ? 180 : -180) - Math.signum(random.nextGaussian()) * random.nextDouble() * 0.01
                    : random.nextDouble() * 360 - 180;
            lon = Math.max(-180, Math.min(180, lon));
            double radius = radii[random.nextInt(radii.length)] * (c % 7 == 0 ? 1 : random.nextDouble() * 2);
            Optional<Probe> probe = within(index, lat, lon, radius);
            if (probe.isEmpty()) {
                scans++;
                assertThat(radius).as("only a circle over most of the Earth is scanned").isGreaterThan(2_000_000);
                continue;
            }
            Probe.Prefixes cells = (Probe.Prefixes) probe.get();
            assertThat(cells.prefixes()).hasSizeLessThanOrEqualTo(32);
            circles++;
            prefixes += cells.prefixes().size();
            double reach = Math.toDegrees(radius / Haversine.EARTH_RADIUS_METERS);
            for (int p = 0; p < 60; p++) {
                double pLat;
                double pLon;
                if (p == 0) {
                    pLat = lat;
                    pLon = lon;
                } else if (p < 30) {
                    // Along a random bearing, often right at the edge, where a covering is most likely to fail.
                    double[] q = destination(lat, lon, random.nextDouble() * 360,
                            radius * (p % 2 == 0 ? 1 : random.nextDouble()));
                    pLat = q[0];
                    pLon = q[1];
                } else {
                    // Anywhere in a box around the centre, wrapped over the antimeridian and clamped at the poles.
                    pLat = Math.max(-90, Math.min(90, lat + (random.nextDouble() * 2 - 1) * reach * 1.2));
                    pLon = lon + (random.nextDouble() * 2 - 1) * Math.min(180, reach * 1.2 / Math.max(0.01, Math.cos(Math.toRadians(pLat))));
                    pLon = pLon > 180 ? pLon - 360 : pLon < -180 ? pLon + 360 : pLon;
                    pLon = Math.max(-180, Math.min(180, pLon));
                }
                if (Haversine.meters(lat, lon, pLat, pLon) <= radius) {
                    inside++;
                    assertThat(candidate(index.terms(point(pLat, pLon)), cells))
                            .as("(%s, %s) within %s m of (%s, %s), cells %s", pLat, pLon, radius, lat, lon, cells.prefixes().size())
                            .isTrue();
                }
            }
        }
        System.out.printf("geohash: %d circles, %d points inside all covered, %.1f prefixes a circle, %d circles scanned%n",
                circles, inside, (double) prefixes / circles, scans);
        assertThat(inside).isGreaterThan(20_000);
    }

    /** The point {@code meters} from (lat, lon) along {@code bearing} degrees, on Haversine's sphere. */
    private static double[] destination(double lat, double lon, double bearing, double meters) {
        double phi = Math.toRadians(lat);
        double theta = Math.toRadians(bearing);
        double delta = meters / Haversine.EARTH_RADIUS_METERS;
        double phi2 = Math.asin(Math.sin(phi) * Math.cos(delta) + Math.cos(phi) * Math.sin(delta) * Math.cos(theta));
        double lambda2 = Math.toRadians(lon) + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi),
                Math.cos(delta) - Math.sin(phi) * Math.sin(phi2));
        double lon2 = Math.toDegrees(lambda2);
        lon2 = ((lon2 + 540) % 360) - 180;
        return new double[] {Math.max(-90, Math.min(90, Math.toDegrees(phi2))), Math.max(-180, Math.min(180, lon2))};
    }
}

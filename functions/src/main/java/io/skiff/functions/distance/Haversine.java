package io.skiff.functions.distance;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NumberValue;
import java.util.Optional;

/**
 * The great-circle distance in meters between two {@code {lat, lon}} maps (degrees), on a sphere of
 * the Earth's mean radius, 6,371,008.8 m. Latitudes lie in [-90, 90] and longitudes in [-180, 180].
 */
public final class Haversine extends PairOperator {

    /** The Earth's mean radius in meters (IUGG). */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    /** A point on the Earth, in degrees. */
    public record Point(double lat, double lon) {
    }

    @Override
    public String name() {
        return "haversine";
    }

    @Override
    public String arguments() {
        return "two maps {lat, lon} of degrees";
    }

    /**
     * A value as haversine reads it: a map whose {@code lat} is a number in [-90, 90] and whose
     * {@code lon} is a number in [-180, 180] (other attributes are ignored). Empty for anything
     * else, so an index plugin can skip exactly the values the operator refuses.
     */
    public static Optional<Point> point(AttributeValue value) {
        if (value instanceof MapValue map && map.get("lat") instanceof NumberValue lat
                && map.get("lon") instanceof NumberValue lon) {
            double latitude = lat.value().doubleValue();
            double longitude = lon.value().doubleValue();
            if (latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180) {
                return Optional.of(new Point(latitude, longitude));
            }
        }
        return Optional.empty();
    }

    /** The great-circle distance in meters between two points given in degrees. */
    public static double meters(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double lambda1 = Math.toRadians(lon1);
        double phi2 = Math.toRadians(lat2);
        double lambda2 = Math.toRadians(lon2);
        double sinLat = Math.sin((phi2 - phi1) / 2);
        double sinLon = Math.sin((lambda2 - lambda1) / 2);
        double h = sinLat * sinLat + Math.cos(phi1) * Math.cos(phi2) * sinLon * sinLon;
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    @Override
    double between(AttributeValue a, AttributeValue b) {
        Point p = point(a).orElseThrow(() -> notAPoint(a, 1));
        Point q = point(b).orElseThrow(() -> notAPoint(b, 2));
        return meters(p.lat(), p.lon(), q.lat(), q.lon());
    }

    /** Why {@link #point} refused a value. */
    private SkiffException notAPoint(AttributeValue point, int position) {
        if (!(point instanceof MapValue map)) {
            return Arguments.wrong(name(), arguments(), position, point);
        }
        for (String key : new String[] {"lat", "lon"}) {
            AttributeValue value = map.values().get(key);
            if (!(value instanceof NumberValue number)) {
                return SkiffException.validation(name() + " takes " + arguments() + "; argument " + position
                        + (value == null ? " has no '" + key + "'" : "'s " + key + " is " + Arguments.describe(value)));
            }
            int limit = key.equals("lat") ? 90 : 180;
            double degrees = number.value().doubleValue();
            if (!(degrees >= -limit && degrees <= limit)) {
                return SkiffException.validation(name() + ": argument " + position + "'s " + key + " "
                        + number.toText() + " is outside [-" + limit + ", " + limit + "]");
            }
        }
        throw new IllegalStateException("haversine refused a valid point " + point);
    }
}

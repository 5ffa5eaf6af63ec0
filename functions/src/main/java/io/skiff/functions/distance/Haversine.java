package io.skiff.functions.distance;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NumberValue;

/**
 * The great-circle distance in meters between two {@code {lat, lon}} maps (degrees), on a sphere of
 * the Earth's mean radius, 6,371,008.8 m. Latitudes lie in [-90, 90] and longitudes in [-180, 180].
 */
public final class Haversine extends PairOperator {

    /** The Earth's mean radius in meters (IUGG). */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    @Override
    public String name() {
        return "haversine";
    }

    @Override
    public String arguments() {
        return "two maps {lat, lon} of degrees";
    }

    @Override
    double between(AttributeValue a, AttributeValue b) {
        double lat1 = Math.toRadians(coordinate(a, 1, "lat", 90));
        double lon1 = Math.toRadians(coordinate(a, 1, "lon", 180));
        double lat2 = Math.toRadians(coordinate(b, 2, "lat", 90));
        double lon2 = Math.toRadians(coordinate(b, 2, "lon", 180));
        double sinLat = Math.sin((lat2 - lat1) / 2);
        double sinLon = Math.sin((lon2 - lon1) / 2);
        double h = sinLat * sinLat + Math.cos(lat1) * Math.cos(lat2) * sinLon * sinLon;
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private double coordinate(AttributeValue point, int position, String key, double limit) {
        if (!(point instanceof MapValue map)) {
            throw Arguments.wrong(name(), arguments(), position, point);
        }
        AttributeValue value = map.values().get(key);
        if (!(value instanceof NumberValue number)) {
            throw SkiffException.validation(name() + " takes " + arguments() + "; argument " + position
                    + (value == null ? " has no '" + key + "'" : "'s " + key + " is " + Arguments.describe(value)));
        }
        double degrees = number.value().doubleValue();
        if (degrees < -limit || degrees > limit) {
            throw SkiffException.validation(name() + ": argument " + position + "'s " + key + " " + number.toText()
                    + " is outside [-" + (int) limit + ", " + (int) limit + "]");
        }
        return degrees;
    }
}

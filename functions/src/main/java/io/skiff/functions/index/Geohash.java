package io.skiff.functions.index;

import io.skiff.core.value.AttributeValue;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugin;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import io.skiff.functions.distance.Haversine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code geohash}: places within a radius. A {@code {lat, lon}} map (as {@code haversine} reads it)
 * is filed under its geohash, {@code precision} characters (option, 1 to 12, default 8: cells of
 * about 38 m by 19 m at the equator). The probe for {@code haversine(attr, point) <= meters} is
 * the prefixes of the cells, at a coarser precision when needed to keep them to at most 32, that
 * cover the circle's bounding box, over the poles and across the antimeridian; a circle that
 * covers nearly the whole Earth is not narrowed. Exact.
 */
public final class Geohash implements IndexPlugin {

    @Override
    public String name() {
        return "geohash";
    }

    @Override
    public String description() {
        return "places within a radius: haversine(attr, point) <= meters, by geohash cells (exact)";
    }

    @Override
    public IndexMethod configure(Map<String, String> options) {
        Options read = Options.read(name(), options, "precision");
        int precision = read.integer("precision", 8, 1, GeohashCells.MAX_PRECISION);
        return new Cells(precision, read.resolved());
    }

    /** A geohash index of one precision. */
    static final class Cells extends ConfiguredIndex implements TermIndex {

        private final int precision;

        Cells(int precision, Map<String, String> options) {
            super(options, true);
            this.precision = precision;
        }

        @Override
        public List<byte[]> terms(AttributeValue value) {
            return Haversine.point(value)
                    .map(p -> List.of(ascii(GeohashCells.encode(p.lat(), p.lon(), precision))))
                    .orElse(List.of());
        }

        @Override
        public boolean narrows(String kind) {
            return kind.equals("haversine");
        }

        @Override
        public Optional<Probe> probe(IndexPredicate predicate) {
            if (!(predicate instanceof IndexPredicate.WithinDistance within) || !within.operator().equals("haversine")) {
                return Optional.empty();
            }
            Optional<Haversine.Point> center = Haversine.point(within.argument());
            if (center.isEmpty()) {
                return Optional.empty();
            }
            if (within.bound() < 0) {
                return Optional.of(new Probe.None());
            }
            return GeohashCells.covering(center.get().lat(), center.get().lon(), within.bound(), precision)
                    .map(cells -> new Probe.Prefixes(cells.stream().map(Geohash::ascii).toList()));
        }
    }

    private static byte[] ascii(String geohash) {
        return geohash.getBytes(StandardCharsets.US_ASCII);
    }
}

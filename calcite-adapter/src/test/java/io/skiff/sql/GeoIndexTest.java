package io.skiff.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.sql.api.SqlStatement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A geohash index answers radius searches exactly as a full scan does, centres given as MAP[...] or as a ?. */
class GeoIndexTest extends SqlFixture {

    private static Map<String, Object> point(double lat, double lon) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("lat", BigDecimal.valueOf(lat));
        point.put("lon", BigDecimal.valueOf(lon));
        return point;
    }

    private Set<String> keys(String sql, Object... parameters) {
        Set<String> keys = new TreeSet<>();
        query(sql, parameters).forEach(row -> keys.add((String) row.get(0)));
        return keys;
    }

    @Test
    void radiusSearchesMatchTheFullScan() {
        update("CREATE TABLE devices (id VARCHAR, PRIMARY KEY (id))");
        Random random = new Random(23);
        double[][] cities = {{-23.96, -46.33}, {-23.55, -46.63}, {51.5, -0.12}, {0.0, 179.99}, {89.9, 10.0}};
        SqlStatement insert = session.prepare("INSERT INTO devices (id, loc, segment) VALUES (?, ?, ?)");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            double[] city = cities[i % cities.length];
            double lon = city[1] + random.nextGaussian() * 0.02;
            lon = lon > 180 ? lon - 360 : lon;
            rows.add(Arrays.asList("d" + i, point(Math.min(90, city[0] + random.nextGaussian() * 0.02), lon),
                    i % 3 == 0 ? "runner" : "cyclist"));
        }
        insert.executeBatch(rows);
        assertThat(update("CREATE INDEX near ON devices USING geohash (loc)")).isEqualTo(4000);

        String literal = "SELECT id FROM devices WHERE haversine(loc, MAP['lat', -23.9600, 'lon', -46.3320]) <= 1500";
        assertThat(explain(literal)).contains("index probe: near (geohash) for haversine(loc, MAP[");
        assertThat(keys(literal)).isNotEmpty()
                .isEqualTo(keys(literal.replace("SELECT id", "SELECT /*+ NO_INDEX */ id")));

        String bound = "SELECT id FROM devices WHERE haversine(loc, ?) <= ?";
        assertThat(explain(bound)).contains("index probe: near (geohash)");
        for (double[] city : cities) {
            for (int radius : new int[] {0, 300, 1500, 5000}) {
                Map<String, Object> centre = point(city[0] + 0.005, city[1]);
                assertThat(keys(bound, centre, radius)).as("%s within %d m", centre, radius)
                        .isEqualTo(keys(bound.replace("SELECT id", "SELECT /*+ NO_INDEX */ id"), centre, radius));
            }
        }
        List<List<Object>> audience = query("SELECT segment, COUNT(*) FROM devices WHERE haversine(loc, ?) <= 1500"
                + " GROUP BY segment ORDER BY segment", point(-23.96, -46.332));
        assertThat(audience).hasSize(2);
    }
}

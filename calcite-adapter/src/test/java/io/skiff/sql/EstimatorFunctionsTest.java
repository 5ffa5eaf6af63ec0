package io.skiff.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** approx_distinct and approx_frequency over declared columns and undeclared attributes, beside exact answers. */
class EstimatorFunctionsTest extends SqlFixture {

    @BeforeEach
    void fill() {
        update("CREATE TABLE visits (id VARCHAR, city VARCHAR, PRIMARY KEY (id))");
        for (int batch = 0; batch < 20; batch++) {
            StringBuilder insert = new StringBuilder("INSERT INTO visits (id, city, device) VALUES ");
            for (int i = 0; i < 200; i++) {
                int n = batch * 200 + i;
                insert.append(i == 0 ? "" : ", ").append("('v").append(n).append("', 'city-").append(n % 700)
                        .append("', ").append(n % 3 == 0 ? "NULL" : "'device-" + (n % 40) + "'").append(')');
            }
            update(insert.toString());
        }
    }

    @Test
    void approxDistinctIsCloseToTheExactCountAndSkipsNulls() {
        long exact = ((Number) query("SELECT COUNT(DISTINCT city) FROM visits").get(0).get(0)).longValue();
        long approx = ((Number) query("SELECT approx_distinct(city) FROM visits").get(0).get(0)).longValue();
        assertThat(exact).isEqualTo(700);
        assertThat((double) approx).isCloseTo(exact, within(exact * 0.03));
        // An undeclared attribute, with NULLs that are not counted.
        assertThat(query("SELECT APPROX_DISTINCT(device) FROM visits")).containsExactly(List.of(40L));
    }

    @Test
    void approxDistinctPerGroupAndApproxFrequencyNeverUndercounts() {
        List<List<Object>> perDevice = query("SELECT device, approx_distinct(city) FROM visits WHERE device IS NOT NULL"
                + " GROUP BY device ORDER BY device");
        assertThat(perDevice).hasSize(40);
        List<List<Object>> exactPerDevice = query("SELECT device, COUNT(DISTINCT city) FROM visits WHERE device IS"
                + " NOT NULL GROUP BY device ORDER BY device");
        for (int i = 0; i < perDevice.size(); i++) {
            double exact = ((Number) exactPerDevice.get(i).get(1)).doubleValue();
            assertThat(((Number) perDevice.get(i).get(1)).doubleValue()).isCloseTo(exact, within(exact * 0.05 + 1));
        }

        long frequency = ((Number) query("SELECT approx_frequency(city, 'city-7') FROM visits").get(0).get(0))
                .longValue();
        long exact = ((Number) query("SELECT COUNT(*) FROM visits WHERE city = 'city-7'").get(0).get(0)).longValue();
        assertThat(frequency).isGreaterThanOrEqualTo(exact).isLessThanOrEqualTo(exact + 10);
        assertThat(query("SELECT approx_frequency(device, 'no-such-device') FROM visits")).containsExactly(List.of(0L));
    }
}

package io.skiff.sql;

import io.skiff.sql.api.SqlStatement;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paths into nested values: a path that leads nowhere is NULL, whatever stands in its way. */
class NestedPathsTest extends SqlFixture {

    @BeforeEach
    void fill() {
        update("CREATE TABLE people (pk VARCHAR, PRIMARY KEY (pk))");
        update("INSERT INTO people (pk, city, address, tags) VALUES ('p1', 'Rio', ?, ?)",
                Map.of("city", "Santos", "geo", Map.of("lat", new BigDecimal("1.5"))), List.of("a", "b"));
    }

    @Test
    void pathsReachIntoMapsAndListsAndAreNullWhereNothingIs() {
        assertThat(query("SELECT address.city, address['geo']['lat'], tags[1], tags[2], tags[3], address.zip "
                + "FROM people"))
                .containsExactly(Arrays.asList("Santos", new BigDecimal("1.5"), "a", "b", null, null));
    }

    @Test
    void pathsIntoAScalarAreNullNotAnError() {
        assertThat(query("SELECT city['x'], city[1], city.x, address.city.x, tags['k'] FROM people"))
                .containsExactly(Arrays.asList(null, null, null, null, null));
        assertThat(query("SELECT pk FROM people WHERE city.x IS NULL")).containsExactly(List.of("p1"));
    }

    @Test
    void thePreparedPointLookupAnswersTheSame() {
        SqlStatement lookup = session.prepare("SELECT address.city, city.x, tags[2] FROM people WHERE pk = ?");

        assertThat(lookup.runsDirectly()).isTrue();
        assertThat(rows(lookup.execute(List.of("p1")))).containsExactly(Arrays.asList("Santos", null, "b"));
    }
}

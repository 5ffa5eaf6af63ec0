package io.skiff.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver on its own, as an application that talks to a server would have it: its classpath
 * (this module's, with test dependencies) holds no engine, and embedded URLs say what is missing.
 */
class DriverWithoutEngineTest {

    @ParameterizedTest
    @ValueSource(strings = {"org.apache.calcite.tools.Frameworks", "org.rocksdb.RocksDB", "io.skiff.storage.Engine",
            "io.skiff.sql.SqlEngine", "org.antlr.v4.runtime.Parser", "io.skiff.jdbc.embedded.SkiffEmbeddedEngine"})
    void theClasspathHoldsNoEngineClass(String engineClass) {
        assertThatThrownBy(() -> Class.forName(engineClass)).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void anEmbeddedUrlNamesTheMissingArtifact() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection("jdbc:skiff:mem:"));
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("io.skiff:skiff-embedded", "jdbc:skiff://host:port");
    }

    @Test
    void onlyTheDriversOwnPropertiesAreDescribedWithoutTheEngine() throws SQLException {
        DriverPropertyInfo[] described = DriverManager.getDriver("jdbc:skiff:mem:")
                .getPropertyInfo("jdbc:skiff:mem:", new Properties());
        assertThat(Arrays.stream(described).map(p -> p.name)).containsExactly("dialect", "consistency", "routing");
    }

    @Test
    void anUnknownRoutingIsRefusedBeforeConnecting() {
        Properties properties = new Properties();
        properties.setProperty("routing", "sideways");
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection("jdbc:skiff://127.0.0.1:1", properties));
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("routing='sideways'", "expected leader or server");
    }
}

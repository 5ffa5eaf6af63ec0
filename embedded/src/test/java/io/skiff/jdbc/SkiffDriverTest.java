package io.skiff.jdbc;

import static io.skiff.jdbc.JdbcAssertions.failsWithState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver through DriverManager, over real engines. */
class SkiffDriverTest {

    @TempDir
    Path temp;

    private final SkiffDriver driver = new SkiffDriver();

    @Test
    void driverManagerFindsTheDriverThroughTheServiceFile() throws SQLException {
        assertThat(DriverManager.getDriver("jdbc:skiff:mem:")).isInstanceOf(SkiffDriver.class);
    }

    @Test
    void acceptsOnlySkiffUrls() {
        assertThat(driver.acceptsURL("jdbc:skiff:file:data")).isTrue();
        assertThat(driver.acceptsURL("jdbc:skiff:mem:")).isTrue();
        assertThat(driver.acceptsURL("jdbc:skiff://localhost:7000")).isTrue();
        assertThat(driver.acceptsURL("jdbc:skiff:")).isTrue();
        assertThat(driver.acceptsURL("jdbc:postgresql://localhost/db")).isFalse();
        assertThat(driver.acceptsURL("jdbc:skif:mem:")).isFalse();
        assertThat(driver.acceptsURL(null)).isFalse();
    }

    @Test
    void urlsOfOtherDriversGetNullAsDriverManagerExpects() throws SQLException {
        assertThat(driver.connect("jdbc:h2:mem:", new Properties())).isNull();
    }

    @Test
    void parsesTheThreeUrlForms() throws SQLException {
        assertThat(SkiffUrl.parse("jdbc:skiff:file:data/db")).isEqualTo(new SkiffUrl.File(Path.of("data/db")));
        assertThat(SkiffUrl.parse("jdbc:skiff:file:/var/skiff")).isEqualTo(new SkiffUrl.File(Path.of("/var/skiff")));
        assertThat(SkiffUrl.parse("jdbc:skiff:mem:")).isEqualTo(new SkiffUrl.Memory(""));
        assertThat(SkiffUrl.parse("jdbc:skiff:mem:cache")).isEqualTo(new SkiffUrl.Memory("cache"));
        assertThat(SkiffUrl.parse("jdbc:skiff://a:7000,b:7000")).isEqualTo(new SkiffUrl.Remote("a:7000,b:7000"));
    }

    @Test
    void malformedUrlsFailWithAdvice() {
        failsWithState("08001", () -> driver.connect("jdbc:skiff:", null))
                .hasMessageContaining("jdbc:skiff:file:<dir>");
        failsWithState("08001", () -> driver.connect("jdbc:skiff:memory:x", null));
        failsWithState("08001", () -> driver.connect("jdbc:skiff:file:", null))
                .hasMessageContaining("needs a directory");
        failsWithState("08001", () -> driver.connect("jdbc:skiff:file:a\0b", null))
                .hasMessageContaining("not a valid directory path");
    }

    @Test
    void aRemoteUrlWithoutAServerFailsToConnect() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int closedPort = port;
        failsWithState("08001", () -> DriverManager.getConnection("jdbc:skiff://127.0.0.1:" + closedPort))
                .hasMessageContaining("Cannot connect to jdbc:skiff://127.0.0.1:" + closedPort);
    }

    @Test
    void aFileUrlCreatesItsDirectoryAndTwoConnectionsShareOneEngine() throws Exception {
        Path dir = temp.resolve("new/data");
        Connection first = DriverManager.getConnection("jdbc:skiff:file:" + dir);
        Connection second = DriverManager.getConnection("jdbc:skiff:file:" + dir + "/.");
        assertThat(dir.resolve("db")).isDirectory();

        first.close();
        assertThatThrownBy(() -> Engine.open(dir, EngineOptions.defaults()))
                .as("the second connection still holds the engine").hasMessageContaining("in use");
        assertThat(second.isValid(0)).isTrue();

        second.close();
        try (Engine engine = Engine.open(dir, EngineOptions.defaults())) {
            engine.createTable(TableSchema.of("made-later", KeyAttribute.of("pk", AttributeType.S)));
        }
        try (Connection again = DriverManager.getConnection("jdbc:skiff:file:" + dir);
             ResultSet tables = again.getMetaData().getTables(null, null, "%", null)) {
            assertThat(tables.next()).isTrue();
            assertThat(tables.getString("TABLE_NAME")).isEqualTo("made-later");
        }
    }

    @Test
    void relativeDirectoriesResolveAgainstTheWorkingDirectory() throws Exception {
        Path relative = Path.of("target", "jdbc-relative-test");
        try (Connection connection = DriverManager.getConnection("jdbc:skiff:file:" + relative)) {
            assertThat(connection.getMetaData().getURL()).isEqualTo("jdbc:skiff:file:" + relative);
            assertThat(relative.toAbsolutePath().resolve("db")).isDirectory();
        }
    }

    @Test
    void memoryUrlsConnect() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:skiff:mem:")) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("Skiff");
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    @Test
    void connectionPropertiesTuneTheEngine() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("syncWrites", "true");
        properties.setProperty("blockCacheBytes", "8388608");
        properties.setProperty("user", "ignored");
        try (Connection connection = driver.connect("jdbc:skiff:mem:", properties)) {
            assertThat(connection.isValid(0)).isTrue();
        }
        properties.setProperty("syncWrites", "sometimes");
        failsWithState("08001", () -> driver.connect("jdbc:skiff:mem:", properties))
                .hasMessageContaining("syncWrites='sometimes'");
        properties.setProperty("syncWrites", "false");
        properties.setProperty("maxItemBytes", "10");
        failsWithState("22023", () -> driver.connect("jdbc:skiff:mem:", properties))
                .hasMessageContaining("maxItemBytes");
    }

    @Test
    void describesItsProperties() {
        Properties given = new Properties();
        given.setProperty("syncWrites", "true");
        DriverPropertyInfo[] info = driver.getPropertyInfo("jdbc:skiff:mem:", given);
        assertThat(info).extracting(p -> p.name)
                .containsExactly("syncWrites", "maxItemBytes", "blockCacheBytes", "writeBufferBytes", "dialect", "consistency",
                        "routing");
        assertThat(info[0].value).isEqualTo("true");
        assertThat(info[0].choices).containsExactly("true", "false");
        assertThat(info[1].value).isEqualTo(Integer.toString(EngineOptions.DEFAULT_MAX_ITEM_BYTES));
    }

    @Test
    void reportsItsVersion() {
        assertThat(driver.getMajorVersion()).isEqualTo(DriverVersion.MAJOR);
        assertThat(DriverVersion.VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(driver.getMinorVersion()).isEqualTo(Integer.parseInt(DriverVersion.VERSION.split("\\.")[1]));
        assertThat(driver.jdbcCompliant()).isFalse();
        assertThatThrownBy(driver::getParentLogger).isInstanceOf(SQLFeatureNotSupportedException.class);
    }
}

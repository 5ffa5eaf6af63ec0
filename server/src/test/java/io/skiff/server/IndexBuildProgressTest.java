package io.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.jdbc.IndexBuild;
import io.skiff.jdbc.IndexBuilds;
import io.skiff.protocol.v1.ListIndexBuildsRequest;
import io.skiff.protocol.v1.ListIndexBuildsResponse;
import io.skiff.protocol.v1.SqlServiceGrpc;
import io.skiff.storage.testing.GatedIndexPlugin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A running {@code CREATE INDEX} is reported by the SQL service's {@code ListIndexBuilds}, and
 * through {@code connection.unwrap(IndexBuilds.class)} of the remote and the embedded driver, on the
 * very connection whose statement is building. The gated test plugin stops the build at a known
 * count, so nothing races it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class IndexBuildProgressTest {

    private static final int ITEMS = 60;
    private static final int PAUSE_EVERY = 25;

    private RunningServer running;

    @BeforeEach
    void start() throws Exception {
        running = new RunningServer();
    }

    @AfterEach
    void stop() throws Exception {
        running.close();
    }

    @Test
    void theSqlServiceAndTheRemoteDriverReportABuildWhileItRuns() throws Exception {
        try (Connection connection = DriverManager.getConnection(running.jdbcUrl())) {
            fill(connection);
            SqlServiceGrpc.SqlServiceBlockingStub sql = SqlServiceGrpc.newBlockingStub(running.channel);
            try (GatedIndexPlugin.Gate gate = GatedIndexPlugin.arm(PAUSE_EVERY)) {
                CompletableFuture<Integer> building = createIndexOn(connection);
                gate.awaitPause();

                ListIndexBuildsResponse listed = sql.listIndexBuilds(ListIndexBuildsRequest.getDefaultInstance());
                assertThat(listed.getBuildsList()).singleElement().satisfies(build -> {
                    assertThat(build.getTable()).isEqualTo("users");
                    assertThat(build.getIndex()).isEqualTo("by_gate");
                    assertThat(build.getPlugin()).isEqualTo(GatedIndexPlugin.NAME);
                    assertThat(build.getItemsFiled()).isEqualTo(PAUSE_EVERY);
                    assertThat(build.getEstimatedItems()).isPositive();
                    assertThat(build.getStartedAtMillis()).isPositive();
                });
                assertReportedMidway(connection);

                gate.close();
                assertThat(building.get()).isEqualTo(ITEMS);
            }
            assertThat(sql.listIndexBuilds(ListIndexBuildsRequest.getDefaultInstance()).getBuildsList()).isEmpty();
            assertThat(connection.unwrap(IndexBuilds.class).indexBuilds()).isEmpty();
        }
    }

    @Test
    void theEmbeddedDriverReportsABuildWhileItRuns() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:skiff:mem:")) {
            fill(connection);
            try (GatedIndexPlugin.Gate gate = GatedIndexPlugin.arm(PAUSE_EVERY)) {
                CompletableFuture<Integer> building = createIndexOn(connection);
                gate.awaitPause();
                assertReportedMidway(connection);
                gate.close();
                assertThat(building.get()).isEqualTo(ITEMS);
            }
            assertThat(connection.unwrap(IndexBuilds.class).indexBuilds()).isEmpty();
        }
    }

    private static void fill(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (pk, name) VALUES (?, ?)")) {
            for (int i = 0; i < ITEMS; i++) {
                insert.setString(1, "u" + i);
                insert.setString(2, "name " + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The statement runs on a thread of its own, as a shell's would while it draws the progress. */
    private static CompletableFuture<Integer> createIndexOn(Connection connection) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("CREATE INDEX by_gate ON users USING gated (name)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Asked on the connection whose statement is building: it must not wait for that statement. */
    private static void assertReportedMidway(Connection connection) throws SQLException {
        assertThat(connection.isWrapperFor(IndexBuilds.class)).isTrue();
        List<IndexBuild> builds = connection.unwrap(IndexBuilds.class).indexBuilds();
        assertThat(builds).singleElement().satisfies(build -> {
            assertThat(build.table()).isEqualTo("users");
            assertThat(build.index()).isEqualTo("by_gate");
            assertThat(build.itemsFiled()).isEqualTo(PAUSE_EVERY);
            assertThat(build.estimatedItems()).isPositive();
            assertThat(build.fractionDone()).isBetween(0.0, 1.0);
        });
    }
}

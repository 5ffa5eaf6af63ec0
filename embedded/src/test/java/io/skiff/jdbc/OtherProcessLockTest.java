package io.skiff.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database directory held by another process: a child JVM takes RocksDB's lock on it. */
class OtherProcessLockTest {

    @TempDir
    Path dataDir;

    @Test
    void aDirectoryLockedByAnotherProcessIsReportedAsInUse() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            awaitReady(child);
            SQLException failure = catchThrowableOfType(SQLException.class,
                    () -> DriverManager.getConnection("jdbc:skiff:file:" + dataDir));
            assertThat((Throwable) failure).isInstanceOf(SQLNonTransientConnectionException.class)
                    .hasMessageContaining(dataDir.toRealPath() + " is in use by another Skiff engine");
            assertThat(failure.getSQLState()).isEqualTo("55006");
        } finally {
            child.getOutputStream().close();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child exits once its input closes").isTrue();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:skiff:file:" + dataDir)) {
            assertThat(connection.isValid(1)).as("free again once the other process is gone").isTrue();
        }
    }

    private static void awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(LockHolder.READY)) {
                return;
            }
        }
        throw new AssertionError("the child JVM exited with " + child.waitFor() + " before locking the directory");
    }
}

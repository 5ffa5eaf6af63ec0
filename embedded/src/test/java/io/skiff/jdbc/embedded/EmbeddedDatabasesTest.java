package io.skiff.jdbc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real engines in temporary directories: sharing, reference counting, throw-away databases. */
class EmbeddedDatabasesTest {

    /** Small caches: many engines open and close in these tests. */
    static final EngineOptions SMALL = EngineOptions.builder().blockCacheBytes(8 << 20).writeBufferBytes(4 << 20).build();

    @TempDir
    Path temp;

    private static TableSchema table(String name) {
        return TableSchema.of(name, KeyAttribute.of("pk", AttributeType.S));
    }

    @Test
    void everySpellingOfADirectorySharesOneEngine() throws Exception {
        Path dir = temp.resolve("data");
        Files.createDirectories(dir);
        Path link = Files.createSymbolicLink(temp.resolve("link"), dir);
        try (EmbeddedDatabase first = EmbeddedDatabases.openFile(dir, SMALL);
             EmbeddedDatabase dotted = EmbeddedDatabases.openFile(temp.resolve("x/../data/."), SMALL);
             EmbeddedDatabase linked = EmbeddedDatabases.openFile(link, SMALL)) {
            assertThat(dotted.store()).isSameAs(first.store());
            assertThat(linked.store()).isSameAs(first.store());
            assertThat(first.directory()).isEqualTo(dir.toRealPath());
        }
    }

    @Test
    void theEngineClosesWithTheLastShare() throws Exception {
        Path dir = temp.resolve("data");
        EmbeddedDatabase first = EmbeddedDatabases.openFile(dir, SMALL);
        EmbeddedDatabase second = EmbeddedDatabases.openFile(dir, SMALL);
        first.close();
        first.close();
        second.store().createTable(table("kept"));
        assertThatThrownBy(() -> Engine.open(dir, SMALL)).as("the engine is still open")
                .isInstanceOf(SkiffException.class);

        second.close();
        try (Engine reopened = Engine.open(dir, SMALL)) {
            assertThat(reopened.findTable("kept")).isPresent();
        }
    }

    @Test
    void aDirectoryOpenedAgainAfterClosingGetsAFreshEngine() throws Exception {
        Path dir = temp.resolve("data");
        Object firstStore;
        try (EmbeddedDatabase first = EmbeddedDatabases.openFile(dir, SMALL)) {
            firstStore = first.store();
        }
        try (EmbeddedDatabase again = EmbeddedDatabases.openFile(dir, SMALL)) {
            assertThat(again.store()).isNotSameAs(firstStore);
            assertThat(again.store().listTables()).isEmpty();
        }
    }

    @Test
    void aPrivateMemoryDatabaseVanishesWithItsConnection() throws Exception {
        EmbeddedDatabase first = EmbeddedDatabases.openMemory("", SMALL);
        EmbeddedDatabase second = EmbeddedDatabases.openMemory("", SMALL);
        assertThat(second.store()).isNotSameAs(first.store());
        Path dir = first.directory();
        assertThat(dir).isDirectory();

        first.close();
        assertThat(dir).doesNotExist();
        second.close();
        assertThat(second.directory()).doesNotExist();
    }

    @Test
    void aNamedMemoryDatabaseIsSharedUntilTheLastShareCloses() throws Exception {
        EmbeddedDatabase first = EmbeddedDatabases.openMemory("shared-test", SMALL);
        EmbeddedDatabase second = EmbeddedDatabases.openMemory("shared-test", SMALL);
        try (EmbeddedDatabase other = EmbeddedDatabases.openMemory("other-test", SMALL)) {
            assertThat(other.store()).isNotSameAs(first.store());
        }
        first.store().createTable(table("visible"));
        assertThat(second.store().findTable("visible")).isPresent();
        Path dir = first.directory();

        first.close();
        assertThat(dir).isDirectory();
        second.close();
        assertThat(dir).doesNotExist();

        try (EmbeddedDatabase fresh = EmbeddedDatabases.openMemory("shared-test", SMALL)) {
            assertThat(fresh.store().listTables()).as("a new database under the old name").isEmpty();
        }
    }

    @Test
    void anEngineOpenedOutsideTheDriverIsReportedAsInUse() throws Exception {
        Path dir = temp.resolve("data");
        try (Engine outside = Engine.open(dir, SMALL)) {
            SQLException failure = catchThrowableOfType(SQLException.class, () -> EmbeddedDatabases.openFile(dir, SMALL));
            assertThat((Throwable) failure).isInstanceOf(SQLNonTransientConnectionException.class)
                    .hasMessageContaining("is in use by another Skiff engine");
            assertThat(failure.getSQLState()).isEqualTo("55006");
        }
        try (EmbeddedDatabase afterwards = EmbeddedDatabases.openFile(dir, SMALL)) {
            assertThat(afterwards.store().listTables()).isEmpty();
        }
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "not a directory");
        SQLException failure = catchThrowableOfType(SQLException.class, () -> EmbeddedDatabases.openFile(file, SMALL));
        assertThat(failure.getSQLState()).isEqualTo("08001");
        assertThat(failure.getMessage()).contains("Cannot use").contains(file.toString());
    }
}

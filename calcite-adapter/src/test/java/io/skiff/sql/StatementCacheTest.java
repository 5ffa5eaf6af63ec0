package io.skiff.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.sql.api.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A session plans a text once while the catalog stays as it was, and again once it changes. */
class StatementCacheTest extends SqlFixture {

    @Test
    void theSameTextIsPlannedOnceWhileTheCatalogIsUnchanged() {
        update("CREATE TABLE cached (k VARCHAR, PRIMARY KEY (k))");
        SqlStatement first = session.prepare("SELECT k FROM cached WHERE k = ?");
        assertThat(session.prepare("SELECT k FROM cached WHERE k = ?")).isSameAs(first);
        assertThat(session.prepare("SELECT k FROM cached WHERE k = ? ")).isNotSameAs(first);
        update("INSERT INTO cached (k) VALUES ('a')");
        assertThat(session.prepare("SELECT k FROM cached WHERE k = ?")).isSameAs(first);
        assertThat(query("SELECT k FROM cached WHERE k = ?", "a")).containsExactly(List.of("a"));
    }

    @Test
    void aChangedTableIsPlannedAgainWithItsNewColumns() {
        update("CREATE TABLE cached (k VARCHAR, PRIMARY KEY (k))");
        SqlStatement before = session.prepare("SELECT * FROM cached");
        assertThat(before.columns()).extracting(c -> c.name()).containsExactly("k", "_doc");
        update("DROP TABLE cached");
        update("CREATE TABLE cached (k VARCHAR, v INTEGER, PRIMARY KEY (k))");
        SqlStatement after = session.prepare("SELECT * FROM cached");
        assertThat(after).isNotSameAs(before);
        assertThat(after.columns()).extracting(c -> c.name()).containsExactly("k", "v", "_doc");
    }

    @Test
    void aTableCreatedOutsideTheSessionIsSeenToo() {
        update("CREATE TABLE cached (k VARCHAR, PRIMARY KEY (k))");
        SqlStatement before = session.prepare("SELECT k FROM cached");
        engine.createTable(io.skiff.core.schema.TableSchema.of("other",
                io.skiff.core.schema.KeyAttribute.of("id", io.skiff.core.value.AttributeType.S)));
        assertThat(session.prepare("SELECT k FROM cached")).isNotSameAs(before);
        assertThat(query("SELECT id FROM other")).isEmpty();
    }
}

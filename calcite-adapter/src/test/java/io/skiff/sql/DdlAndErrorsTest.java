package io.skiff.sql;

import io.skiff.sql.api.SqlStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DdlAndErrorsTest extends SqlFixture {

    @Test
    void createTableDeclaresKeysAndColumnTypes() {
        update("CREATE TABLE events (device VARCHAR, seq BIGINT, payload VARBINARY, ok BOOLEAN, "
                + "PRIMARY KEY (device, seq))");
        TableSchema schema = engine.describeTable("events");
        assertThat(schema.partitionKey().name()).isEqualTo("device");
        assertThat(schema.partitionKey().type()).isEqualTo(AttributeType.S);
        assertThat(schema.sortKey().orElseThrow().type()).isEqualTo(AttributeType.N);
        assertThat(schema.declaredAttributes()).containsEntry("payload", AttributeType.B)
                .containsEntry("ok", AttributeType.BOOL);
        update("CREATE TABLE IF NOT EXISTS events (x VARCHAR, PRIMARY KEY (x))");
        assertThat(engine.describeTable("events").partitionKey().name()).isEqualTo("device");
    }

    @Test
    void dropTableRemovesItAndItsRows() {
        update("CREATE TABLE tab1 (pk VARCHAR, PRIMARY KEY (pk))");
        update("INSERT INTO tab1 (pk) VALUES ('a')");
        update("DROP TABLE tab1");
        failure(ErrorCode.TABLE_NOT_FOUND, () -> query("SELECT * FROM tab1"));
        update("DROP TABLE IF EXISTS tab1");
        failure(ErrorCode.TABLE_NOT_FOUND, () -> update("DROP TABLE tab1"));
        update("CREATE TABLE tab1 (pk VARCHAR, PRIMARY KEY (pk))");
        assertThat(query("SELECT * FROM tab1")).isEmpty();
    }

    @Test
    void badDdlGetsClearErrorsWithPositions() {
        var unknownType = failure(ErrorCode.VALIDATION_ERROR,
                () -> update("CREATE TABLE tab2 (pk VARCHAR, created TIMESTAMP, PRIMARY KEY (pk))"));
        assertThat(unknownType.getMessage()).contains("TIMESTAMP").contains("'created'");
        assertThat(unknownType.line()).isEqualTo(1);
        assertThat(unknownType.column()).isEqualTo(40);
        var missingKey = failure(ErrorCode.VALIDATION_ERROR,
                () -> update("CREATE TABLE tab2 (pk VARCHAR, PRIMARY KEY (id))"));
        assertThat(missingKey.getMessage()).contains("'id'").contains("not a column");
        var duplicate = failure(ErrorCode.VALIDATION_ERROR,
                () -> update("CREATE TABLE tab2 (pk VARCHAR, pk INTEGER, PRIMARY KEY (pk))"));
        assertThat(duplicate.getMessage()).contains("Duplicate column 'pk'");
        failure(ErrorCode.VALIDATION_ERROR, () -> update("CREATE TABLE tab2 (a VARCHAR, b VARCHAR, c VARCHAR, "
                + "PRIMARY KEY (a, b, c))"));
        failure(ErrorCode.VALIDATION_ERROR, () -> update("CREATE TABLE tab2 (a BOOLEAN, PRIMARY KEY (a))"));
        failure(ErrorCode.VALIDATION_ERROR, () -> update("CREATE TABLE tab2 (a VARCHAR, b VARCHAR NOT NULL, "
                + "PRIMARY KEY (a))"));
        update("CREATE TABLE tab2 (pk VARCHAR, PRIMARY KEY (pk))");
        failure(ErrorCode.TABLE_ALREADY_EXISTS, () -> update("CREATE TABLE tab2 (pk VARCHAR, PRIMARY KEY (pk))"));
        assertThat(engine.listTables()).extracting(TableSchema::name).containsExactly("tab2");
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        var e = failure(ErrorCode.SYNTAX_ERROR, () -> query("SELECT *\nFROM users\nWHERE pk = = 'a'"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(10);
        assertThat(e.sqlState()).isEqualTo("42601");
        assertThat(e.getMessage()).contains("'= ='").contains("line 3, column 10").doesNotContain("Was expecting");
        failure(ErrorCode.SYNTAX_ERROR, () -> query("   "));
    }

    @Test
    void unknownTablesAndBadStatementsAreRejectedWithPositions() {
        var missing = failure(ErrorCode.TABLE_NOT_FOUND, () -> query("SELECT * FROM nope"));
        assertThat(missing.getMessage()).contains("'nope'");
        assertThat(missing.line()).isEqualTo(1);
        assertThat(missing.column()).isEqualTo(15);
        update("CREATE TABLE a_table (pk VARCHAR, PRIMARY KEY (pk))");
        update("CREATE TABLE b_table (pk VARCHAR, PRIMARY KEY (pk))");
        var ambiguous = failure(ErrorCode.VALIDATION_ERROR,
                () -> query("SELECT city FROM a_table, b_table"));
        assertThat(ambiguous.getMessage()).contains("'city'").contains("qualify");
        var unknownFunction = failure(ErrorCode.VALIDATION_ERROR,
                () -> query("SELECT pk FROM a_table\nWHERE no_such_function(pk) = 1"));
        assertThat(unknownFunction.getMessage()).contains("no_such_function");
        assertThat(unknownFunction.line()).isEqualTo(2);
        assertThat(unknownFunction.column()).isEqualTo(7);
    }

    @Test
    void parameterCountsAreChecked() {
        update("CREATE TABLE a_table (pk VARCHAR, PRIMARY KEY (pk))");
        SqlStatement statement = session.prepare("SELECT pk FROM a_table WHERE pk = ?");
        var e = failure(ErrorCode.VALIDATION_ERROR, () -> statement.execute(List.of()));
        assertThat(e.getMessage()).contains("1 parameter");
    }

    @Test
    void rejectedStatementsLeaveDataUnchanged() {
        update("CREATE TABLE a_table (pk VARCHAR, n INTEGER, PRIMARY KEY (pk))");
        update("INSERT INTO a_table (pk, n) VALUES ('a', 1)");
        failure(ErrorCode.VALIDATION_ERROR, () -> update("INSERT INTO a_table (pk, n) VALUES ('b', 'x')"));
        failure(ErrorCode.SYNTAX_ERROR, () -> update("INSERT INTO a_table (pk, n) VALUES ('b', 2"));
        failure(ErrorCode.VALIDATION_ERROR, () -> update("INSERT INTO a_table (n) VALUES (2)"));
        assertThat(query("SELECT pk, n FROM a_table")).hasSize(1);
    }
}

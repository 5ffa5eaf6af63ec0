package io.skiff.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcSqlRunnerTest {

    @Test
    void dmlConfirmsItsCount() {
        assertThat(JdbcSqlRunner.confirmation("INSERT INTO t VALUES (1)", 1)).isEqualTo("OK, 1 row affected");
        assertThat(JdbcSqlRunner.confirmation("update t set a = 1", 0)).isEqualTo("OK, 0 rows affected");
        assertThat(JdbcSqlRunner.confirmation("DELETE FROM t", 12)).isEqualTo("OK, 12 rows affected");
    }

    @Test
    void ddlOrAnUnknownCountIsJustOk() {
        assertThat(JdbcSqlRunner.confirmation("CREATE TABLE t (pk VARCHAR PRIMARY KEY)", 0)).isEqualTo("OK");
        assertThat(JdbcSqlRunner.confirmation("  drop table t", 0)).isEqualTo("OK");
        assertThat(JdbcSqlRunner.confirmation("Alter table t add c int", 0)).isEqualTo("OK");
        assertThat(JdbcSqlRunner.confirmation("CALL something()", -1)).isEqualTo("OK");
    }
}

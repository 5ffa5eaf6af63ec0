package io.skiff.sql;

import io.skiff.sql.api.RowCursor;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A SQL session over a real engine on a real RocksDB in a temporary directory. */
abstract class SqlFixture {

    static final EngineOptions SMALL = EngineOptions.builder().blockCacheBytes(8 << 20).writeBufferBytes(4 << 20)
            .build();

    @TempDir
    Path dataDir;
    Engine engine;
    SqlSession session;

    @BeforeEach
    void open() {
        engine = Engine.open(dataDir, SMALL);
        session = SqlEngine.over(engine).openSession();
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    void reopen() {
        close();
        open();
    }

    long update(String sql, Object... parameters) {
        SqlResult result = session.prepare(sql).execute(Arrays.asList(parameters));
        assertThat(result).isInstanceOf(SqlResult.UpdateCount.class);
        return ((SqlResult.UpdateCount) result).count();
    }

    List<List<Object>> query(String sql, Object... parameters) {
        return rows(session.prepare(sql).execute(Arrays.asList(parameters)));
    }

    static List<List<Object>> rows(SqlResult result) {
        assertThat(result).isInstanceOf(SqlResult.Rows.class);
        SqlResult.Rows rows = (SqlResult.Rows) result;
        List<List<Object>> all = new ArrayList<>();
        try (RowCursor cursor = rows.cursor()) {
            while (cursor.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < rows.columns().size(); i++) {
                    row.add(cursor.get(i));
                }
                all.add(row);
            }
        }
        return all;
    }

    String explain(String sql) {
        StringBuilder plan = new StringBuilder();
        query("EXPLAIN PLAN FOR " + sql).forEach(row -> plan.append(row.get(0)).append('\n'));
        return plan.toString();
    }

    static SkiffException failure(ErrorCode code, ThrowingCallable call) {
        SkiffException e = catchThrowableOfType(SkiffException.class, call);
        assertThat(e).as("expected a SkiffException with code %s", code).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }
}

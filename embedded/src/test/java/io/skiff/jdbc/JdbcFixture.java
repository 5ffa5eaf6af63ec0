package io.skiff.jdbc;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A connection over a {@link ScriptedSession}, made fresh for every test. */
abstract class JdbcFixture {

    final ScriptedSession session = new ScriptedSession();
    SkiffConnection connection;
    boolean released;

    @BeforeEach
    void connect() {
        connection = new SkiffConnection("jdbc:skiff:test", session, List::of, () -> released = true);
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }
}

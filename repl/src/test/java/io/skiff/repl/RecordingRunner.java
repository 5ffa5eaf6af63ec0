package io.skiff.repl;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A runner that records the statements it is given and fails the ones it was told to. */
final class RecordingRunner implements SqlRunner {

    final List<String> executed = new ArrayList<>();
    private final Map<String, SQLException> failures = new HashMap<>();
    private Runnable duringExecute = () -> { };

    RecordingRunner failing(String sql, SQLException failure) {
        failures.put(sql, failure);
        return this;
    }

    RecordingRunner whileExecuting(Runnable action) {
        duringExecute = action;
        return this;
    }

    @Override
    public void execute(String sql) throws SQLException {
        executed.add(sql);
        duringExecute.run();
        SQLException failure = failures.get(sql);
        if (failure != null) {
            throw failure;
        }
    }
}

package io.skiff.sql;

import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.InterruptibleCursor;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.NoResultStatement;
import io.skiff.sql.api.ParameterInfo;
import io.skiff.sql.api.RoutingKey;
import io.skiff.sql.api.RowCursor;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlStatement;
import io.skiff.sql.ddl.DdlExecutor;
import java.sql.Types;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;

/** The kinds of prepared statements a session hands out. */
final class Statements {

    private Statements() {
    }

    /** CREATE or DROP TABLE, run against the catalog on every execution. */
    record Ddl(String sql, SqlNode node, DdlExecutor executor) implements NoResultStatement {
        @Override
        public Kind kind() {
            return Kind.DDL;
        }

        @Override
        public SqlResult execute(List<Object> parameters, Interruption interruption) {
            EngineSession.checkedParameters(parameters, 0);
            interruption.check();
            executor.execute(node);
            return new SqlResult.UpdateCount(0);
        }
    }

    /** A query compiled once, run with each execution's parameters. */
    record Query(String sql, io.skiff.sql.exec.CompiledPlan plan, List<ParameterInfo> parameters)
            implements SqlStatement {
        @Override
        public Kind kind() {
            return Kind.QUERY;
        }

        @Override
        public List<ColumnInfo> columns() {
            return plan.columns();
        }

        @Override
        public SqlResult execute(List<Object> values, Interruption interruption) {
            EngineSession.checkedParameters(values, parameters.size());
            interruption.enter();
            try {
                return new SqlResult.Rows(plan.columns(),
                        new InterruptibleCursor(plan.open(values, interruption), interruption));
            } finally {
                interruption.exit();
            }
        }

        @Override
        public boolean runsDirectly() {
            return plan.runsDirectly();
        }

        @Override
        public Optional<RoutingKey> routingKey() {
            return plan.routingKey();
        }
    }

    /** INSERT, UPDATE or DELETE: its plan yields one row, the number of items written. */
    record Dml(String sql, io.skiff.sql.exec.CompiledPlan plan, List<ParameterInfo> parameters,
               Optional<io.skiff.sql.rel.DirectInsert> direct) implements SqlStatement {
        @Override
        public Kind kind() {
            return Kind.DML;
        }

        @Override
        public List<ColumnInfo> columns() {
            return List.of();
        }

        @Override
        public SqlResult execute(List<Object> values, Interruption interruption) {
            interruption.enter();
            try {
                return new SqlResult.UpdateCount(run(values, null, interruption));
            } finally {
                interruption.exit();
            }
        }

        @Override
        public boolean runsDirectly() {
            return direct.isPresent();
        }

        @Override
        public Optional<RoutingKey> routingKey() {
            return direct.isPresent() ? direct.get().routingKey() : plan.routingKey();
        }

        /** Every execution's writes go to one collector, committed once: the batch is atomic. */
        @Override
        public long[] executeBatch(List<List<Object>> parameterSets, Interruption interruption) {
            interruption.enter();
            try {
                io.skiff.sql.rel.WriteCollector collector = new io.skiff.sql.rel.WriteCollector();
                long[] counts = new long[parameterSets.size()];
                for (int i = 0; i < counts.length; i++) {
                    interruption.check();
                    counts[i] = run(parameterSets.get(i), collector, interruption);
                }
                interruption.check();
                collector.commit();
                return counts;
            } finally {
                interruption.exit();
            }
        }

        private long run(List<Object> values, io.skiff.sql.rel.WriteCollector collector, Interruption interruption) {
            EngineSession.checkedParameters(values, parameters.size());
            if (direct.isPresent()) {
                return direct.get().run(values, collector);
            }
            try (RowCursor cursor = plan.open(values, collector, interruption)) {
                return cursor.next() ? ((Number) cursor.get(0)).longValue() : 0;
            }
        }
    }
}

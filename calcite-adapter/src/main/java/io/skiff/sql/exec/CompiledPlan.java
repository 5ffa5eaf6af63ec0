package io.skiff.sql.exec;

import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.RoutingKey;
import io.skiff.sql.api.RowCursor;
import io.skiff.sql.rel.DirectPointGet;
import io.skiff.sql.rel.WriteCollector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;

/**
 * A statement's plan, made once, run once per execution with that execution's parameters: Java
 * code generated from the plan, or for a point lookup by full key a {@link DirectPointGet}, which
 * needs no generated code at all.
 */
public final class CompiledPlan {

    /** The generated code, or null when the plan runs directly. */
    private final Bindable<?> bindable;
    private final Map<String, Object> stashed;
    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;
    private final List<ColumnInfo> columns;
    /** The direct path of a point lookup, or null. */
    private final DirectPointGet direct;
    private final Optional<RoutingKey> routingKey;

    private CompiledPlan(Bindable<?> bindable, Map<String, Object> stashed, SchemaPlus rootSchema,
                         JavaTypeFactory typeFactory, List<ColumnInfo> columns, DirectPointGet direct,
                         Optional<RoutingKey> routingKey) {
        this.bindable = bindable;
        this.stashed = stashed;
        this.rootSchema = rootSchema;
        this.typeFactory = typeFactory;
        this.columns = columns;
        this.direct = direct;
        this.routingKey = routingKey;
    }

    static CompiledPlan generated(Bindable<?> bindable, Map<String, Object> stashed, SchemaPlus rootSchema,
                                  JavaTypeFactory typeFactory, List<ColumnInfo> columns,
                                  Optional<RoutingKey> routingKey) {
        return new CompiledPlan(bindable, stashed, rootSchema, typeFactory, columns, null, routingKey);
    }

    static CompiledPlan direct(DirectPointGet direct, List<ColumnInfo> columns, Optional<RoutingKey> routingKey) {
        return new CompiledPlan(null, null, null, null, columns, direct, routingKey);
    }

    public List<ColumnInfo> columns() {
        return columns;
    }

    /** The marker naming the one partition the plan touches, when there is one. */
    public Optional<RoutingKey> routingKey() {
        return routingKey;
    }

    /** Whether executions take a direct path instead of generated code. */
    public boolean runsDirectly() {
        return direct != null;
    }

    /** Runs a query. */
    public RowCursor open(List<Object> parameters, Interruption interruption) {
        if (direct == null) {
            return open(parameters, null, interruption);
        }
        try {
            return new OneRowCursor(direct.read(parameters));
        } catch (RuntimeException e) {
            throw CalciteErrors.ofExecution(e);
        }
    }

    /** Runs the plan; the writes of a DML plan go to {@code collector} when one is given. */
    public RowCursor open(List<Object> parameters, WriteCollector collector, Interruption interruption) {
        try {
            ExecutionContext context = new ExecutionContext(rootSchema, typeFactory, stashed, parameters);
            context.put(Interruption.CONTEXT_KEY, interruption);
            if (collector != null) {
                context.put(WriteCollector.CONTEXT_KEY, collector);
            }
            Enumerable<?> rows = bindable.bind(context);
            return new EnumeratorCursor(rows.enumerator(), columns.size());
        } catch (RuntimeException e) {
            throw CalciteErrors.ofExecution(e);
        }
    }

    /** The row of a direct point lookup, if it found one. */
    private static final class OneRowCursor implements RowCursor {
        private Object[] pending;
        private Object[] row;

        OneRowCursor(Object[] row) {
            this.pending = row;
        }

        @Override
        public boolean next() {
            row = pending;
            pending = null;
            return row != null;
        }

        @Override
        public Object get(int column) {
            if (row == null) {
                throw new IllegalStateException("no current row");
            }
            return JdbcValues.of(row[column]);
        }

        @Override
        public void close() {
            pending = null;
            row = null;
        }
    }

    /** Rows of an enumerator; a one-column plan yields bare values instead of arrays. */
    private static final class EnumeratorCursor implements RowCursor {
        private final Enumerator<?> enumerator;
        private final int width;
        private Object[] row;

        EnumeratorCursor(Enumerator<?> enumerator, int width) {
            this.enumerator = enumerator;
            this.width = width;
        }

        @Override
        public boolean next() {
            try {
                if (!enumerator.moveNext()) {
                    row = null;
                    return false;
                }
                Object current = enumerator.current();
                row = width == 1 && !(current instanceof Object[]) ? new Object[] {current} : (Object[]) current;
                return true;
            } catch (RuntimeException e) {
                throw CalciteErrors.ofExecution(e);
            }
        }

        @Override
        public Object get(int column) {
            if (row == null) {
                throw new IllegalStateException("no current row");
            }
            return JdbcValues.of(row[column]);
        }

        @Override
        public void close() {
            enumerator.close();
        }
    }
}

package io.skiff.sql.exec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * What generated plan code reads while it runs: the schema, the statement's parameter values
 * ({@code ?0}, {@code ?1}, ...), objects the plan stashed when it was compiled, and the clock
 * values SQL functions such as {@code CURRENT_TIMESTAMP} need (read once per execution).
 */
final class ExecutionContext implements DataContext {

    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;
    /** Shared with the compiled plan and never changed: no copy per execution. */
    private final Map<String, Object> stashed;
    private final List<Object> parameters;
    /** This execution's own values (clock, cancel flag, collectors), made when first asked for. */
    private Map<String, Object> values;

    ExecutionContext(SchemaPlus rootSchema, JavaTypeFactory typeFactory, Map<String, Object> stashed,
                     List<Object> parameters) {
        this.rootSchema = rootSchema;
        this.typeFactory = typeFactory;
        this.stashed = stashed;
        this.parameters = parameters;
    }

    private Map<String, Object> values() {
        if (values == null) {
            values = new HashMap<>();
            long now = System.currentTimeMillis();
            TimeZone zone = TimeZone.getDefault();
            values.put(Variable.UTC_TIMESTAMP.camelName, now);
            values.put(Variable.CURRENT_TIMESTAMP.camelName, now);
            values.put(Variable.LOCAL_TIMESTAMP.camelName, now + zone.getOffset(now));
            values.put(Variable.TIME_ZONE.camelName, zone);
            values.put(Variable.CANCEL_FLAG.camelName, new AtomicBoolean());
            values.put(Variable.USER.camelName, "skiff");
            values.put(Variable.SYSTEM_USER.camelName, System.getProperty("user.name", "skiff"));
        }
        return values;
    }

    @Override
    public SchemaPlus getRootSchema() {
        return rootSchema;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
        return null;
    }

    void put(String name, Object value) {
        values().put(name, value);
    }

    @Override
    public Object get(String name) {
        if (name.startsWith("?")) {
            int index = Integer.parseInt(name, 1, name.length(), 10);
            return index < parameters.size() ? parameters.get(index) : null;
        }
        Object value = stashed.get(name);
        return value != null ? value : values().get(name);
    }
}

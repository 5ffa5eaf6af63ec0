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
    private final Map<String, Object> values = new HashMap<>();

    ExecutionContext(SchemaPlus rootSchema, JavaTypeFactory typeFactory, Map<String, Object> stashed,
                     List<Object> parameters) {
        this.rootSchema = rootSchema;
        this.typeFactory = typeFactory;
        values.putAll(stashed);
        for (int i = 0; i < parameters.size(); i++) {
            values.put("?" + i, parameters.get(i));
        }
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
        values.put(name, value);
    }

    @Override
    public Object get(String name) {
        return values.get(name);
    }
}

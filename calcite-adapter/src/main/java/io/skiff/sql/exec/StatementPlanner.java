package io.skiff.sql.exec;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.RoutingKey;
import io.skiff.sql.parse.OrderByMarkers;
import io.skiff.sql.parse.SqlParsing;
import org.apache.calcite.jdbc.CalciteSchema;
import io.skiff.sql.parse.UndeclaredAttributes;
import io.skiff.sql.schema.SkiffSchema;
import io.skiff.sql.schema.SkiffTable;
import io.skiff.sql.schema.SkiffTypeSystem;
import io.skiff.sql.schema.TableColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.apache.calcite.tools.RelBuilder;
import io.skiff.sql.rel.AttributeUsage;
import io.skiff.sql.rel.DirectPointGet;
import io.skiff.sql.rel.IndexHints;
import io.skiff.sql.rel.PlanRouting;
import io.skiff.sql.typing.ArithmeticCoercion;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Parses, validates, optimizes and compiles statements with Calcite: undeclared attribute names
 * and ORDER BY expressions holding {@code ?} markers are rewritten first, the Skiff rules choose
 * access paths, and the plan is compiled to Java once. One planner serves one statement.
 */
public final class StatementPlanner {

    static {
        CalciteSettings.apply();
    }

    private final SchemaPlus rootSchema;
    private final SchemaPlus skiffSchema;
    private final FrameworkConfig config;

    public StatementPlanner(SkiffSchema schema) {
        // No caching: a table created or dropped must be seen by the very next statement.
        this.rootSchema = CalciteSchema.createRootSchema(false, false).plus();
        this.skiffSchema = rootSchema.add(SkiffSchema.NAME, schema);
        this.config = Frameworks.newConfigBuilder()
                .parserConfig(SqlParsing.CONFIG)
                .typeSystem(SkiffTypeSystem.INSTANCE)
                .defaultSchema(skiffSchema)
                .traitDefs(ConventionTraitDef.INSTANCE, RelCollationTraitDef.INSTANCE)
                .sqlValidatorConfig(SqlValidator.Config.DEFAULT.withTypeCoercionFactory(ArithmeticCoercion::new))
                .programs(PlanProgram.create())
                .sqlToRelConverterConfig(SqlToRelConverter.config().withHintStrategyTable(IndexHints.STRATEGIES))
                .build();
    }

    /** A parsed statement with the planner that will validate and plan it. */
    public final class Parsed {
        private final Planner planner;
        private final SqlNode node;
        /** The statement as Calcite validated it, once {@link #optimize} has run. */
        private SqlNode validated;
        /** The sizes of the tables the last compiled or explained plan reads. */
        private PlannedSizes plannedSizes = PlannedSizes.NONE;

        private Parsed(Planner planner, SqlNode node) {
            this.planner = planner;
            this.node = node;
        }

        public SqlNode node() {
            return node;
        }

        /** Validates and plans a query (or the statement an EXPLAIN explains) to its best plan. */
        public RelNode optimize(SqlNode query) {
            SqlNode rewritten = new UndeclaredAttributes(StatementPlanner.this::columnsOf).rewrite(query);
            OrderByMarkers markers = new OrderByMarkers();
            rewritten = markers.rewrite(rewritten);
            RelRoot root;
            try {
                validated = planner.validate(rewritten);
                root = withoutLastColumns(planner.rel(validated), markers.hiddenColumns());
            } catch (Exception e) {
                throw CalciteErrors.ofValidation(e);
            }
            try {
                RelNode logical = root.project();
                return planner.transform(0, planner.getEmptyTraitSet().replace(EnumerableConvention.INSTANCE)
                        .replace(projectedCollation(root)), logical);
            } catch (Exception e) {
                throw new SkiffException(ErrorCode.INTERNAL_ERROR, "Cannot plan the statement: " + e.getMessage(), e);
            }
        }

        /**
         * The root without its last {@code count} columns, which are then only sort keys: the plan
         * keeps them for its sort, and the statement does not return them.
         */
        private RelRoot withoutLastColumns(RelRoot root, int count) {
            if (count == 0) {
                return root;
            }
            int kept = root.fields.size() - count;
            RelDataType rowType = planner.getTypeFactory().createStructType(
                    root.validatedRowType.getFieldList().subList(0, kept));
            return new RelRoot(root.rel, rowType, root.kind, root.fields.subList(0, kept), root.collation, root.hints);
        }

        /**
         * The root's ORDER BY in terms of the fields the statement returns. The root collation
         * numbers the fields of the unprojected plan, which may also hold sort keys the SELECT list
         * leaves out; the order of those is kept by the plan's own sort, so only the prefix of keys
         * that are returned is asked of the root.
         */
        private RelCollation projectedCollation(RelRoot root) {
            List<RelFieldCollation> kept = new ArrayList<>();
            for (RelFieldCollation field : root.collation.getFieldCollations()) {
                int position = -1;
                for (int i = 0; i < root.fields.size() && position < 0; i++) {
                    if (root.fields.get(i).getKey() == field.getFieldIndex()) {
                        position = i;
                    }
                }
                if (position < 0) {
                    break;
                }
                kept.add(field.withFieldIndex(position));
            }
            return RelCollations.of(kept);
        }

        /** The compiled plan of a statement. */
        public CompiledPlan compile(SqlNode query) {
            return compile(query, false);
        }

        /**
         * The compiled plan of a statement; with {@code directPaths}, a point lookup by full key
         * gets a {@link DirectPointGet} instead of generated code.
         */
        public CompiledPlan compile(SqlNode query, boolean directPaths) {
            RelNode best = optimize(query);
            AttributeUsage.pushDown(best);
            plannedSizes = PlannedSizes.of(best);
            List<ColumnInfo> columns = ColumnInfos.of(best.getRowType());
            Optional<RoutingKey> routingKey = PlanRouting.of(best);
            Optional<DirectPointGet> direct = directPaths ? DirectPointGet.of(best) : Optional.empty();
            if (direct.isPresent()) {
                return CompiledPlan.direct(direct.get(), columns, routingKey);
            }
            Map<String, Object> stashed = new HashMap<>();
            Bindable<?> bindable = EnumerableInterpretable.toBindable(stashed, null, (EnumerableRel) best,
                    EnumerableRel.Prefer.ARRAY);
            return CompiledPlan.generated(bindable, stashed, rootSchema, (JavaTypeFactory) planner.getTypeFactory(),
                    columns, routingKey);
        }

        /** The parameters of the validated statement, in the order of their markers in the text. */
        public List<io.skiff.sql.api.ParameterInfo> parameters() {
            return ColumnInfos.parameters(ParameterTypes.inIndexOrder(validated, planner.getParameterRowType()));
        }

        /**
         * The tables the plan last made by {@link #compile} or {@link #explain} reads, with the
         * sizes the planner weighed them at: what tells that the plan may have become a poor one.
         */
        public PlannedSizes plannedSizes() {
            return plannedSizes;
        }

        /** The text of the best plan of a query, one operator per line. */
        public String explain(SqlNode query) {
            RelNode best = optimize(query);
            AttributeUsage.pushDown(best);
            plannedSizes = PlannedSizes.of(best);
            return RelOptUtil.toString(best, SqlExplainLevel.EXPPLAN_ATTRIBUTES);
        }

        public void close() {
            planner.close();
        }
    }

    /** Parses a statement; a syntax error names its line and column. */
    public Parsed parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw SkiffException.at(ErrorCode.SYNTAX_ERROR, 1, 1, "Empty statement");
        }
        Planner planner = Frameworks.getPlanner(config);
        try {
            return new Parsed(planner, planner.parse(SqlParsing.stripTrailingSemicolons(sql)));
        } catch (SqlParseException e) {
            planner.close();
            int[] position = SqlParsing.position(e);
            throw SkiffException.at(ErrorCode.SYNTAX_ERROR, position[0], position[1], SqlParsing.summary(e.getMessage()));
        }
    }

    /**
     * Plans a relational expression that a front end other than SQL text builds over one table
     * (PartiQL), with the same program and Skiff rules as SQL statements, so the same access paths
     * are chosen. {@code build} gets a builder holding the table's rows, every column in table order.
     *
     * @param collation the order the result must have (empty for none)
     */
    public RelNode optimize(String table, Function<RelBuilder, RelNode> build, RelCollation collation) {
        Planner planner = Frameworks.getPlanner(config);
        try {
            // The table's rows as SQL would read them: the same scan, in the planner's own cluster.
            RelNode rows;
            try {
                SqlNode node = planner.parse("SELECT * FROM \"" + table + "\"");
                rows = planner.rel(planner.validate(node)).project();
            } catch (Exception e) {
                throw CalciteErrors.ofValidation(e);
            }
            RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(rows.getCluster(), null);
            RelNode logical = build.apply(builder.push(rows));
            try {
                return planner.transform(0, planner.getEmptyTraitSet().replace(EnumerableConvention.INSTANCE)
                        .replace(collation), logical);
            } catch (Exception e) {
                throw new SkiffException(ErrorCode.INTERNAL_ERROR, "Cannot plan the statement: " + e.getMessage(), e);
            }
        } finally {
            planner.close();
        }
    }

    private Optional<TableColumns> columnsOf(String table) {
        return table(table).map(SkiffTable::columns);
    }

    /** The Skiff table of that name, if there is one. */
    public Optional<SkiffTable> table(String name) {
        Table found = skiffSchema.tables().get(name);
        return found instanceof SkiffTable skiff ? Optional.of(skiff) : Optional.empty();
    }
}

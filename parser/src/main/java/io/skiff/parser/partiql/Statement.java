package io.skiff.parser.partiql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PartiQL statement in DynamoDB's dialect, as an immutable tree positioned at every node.
 * Built by {@link StatementParser#parse(String)}, which has already made every check that needs
 * no catalog; what needs one (does the table exist, does the WHERE fix the key) is left to the
 * planner.
 */
public sealed interface Statement
        permits Statement.Select, Statement.Insert, Statement.Update, Statement.Delete, Statement.ExistsCheck {

    /** Where the statement starts. */
    Position position();

    /** The table it works on. */
    TableRef table();

    /** The statement's own top-level expressions, in text order. */
    List<Expr> expressions();

    /**
     * How many {@code ?} parameters the statement has; they are numbered from 0 in text order,
     * including those inside an {@code EXISTS} query.
     */
    default int parameterCount() {
        int[] count = {0};
        expressions().forEach(e -> countParameters(e, count));
        return count[0];
    }

    private static void countParameters(Expr expr, int[] count) {
        if (expr instanceof Expr.Parameter) {
            count[0]++;
        } else if (expr instanceof Expr.Exists exists) {
            count[0] += exists.query().parameterCount();
        }
        expr.children().forEach(child -> countParameters(child, count));
    }

    /**
     * {@code SELECT [/*+ hints *}{@code /] * | path, ... FROM table[.index] [WHERE condition]
     * [ORDER BY path [ASC|DESC], ... | ORDER BY distance(path, value) LIMIT k]}.
     *
     * @param projection the selected paths; empty for {@code SELECT *}
     * @param orderBy the key attributes it is ordered by; empty when {@code nearest} is present
     * @param nearest Skiff's {@code ORDER BY distance(path, value) LIMIT k}, if written
     * @param hints the names of the hints in a {@code /*+ ... *}{@code /} comment right after
     *              {@code SELECT}, lower case ({@code exact}, {@code no_index}); others are kept and ignored
     */
    record Select(List<Expr.PathRef> projection, TableRef table, Optional<Expr> where, List<OrderItem> orderBy,
                  Optional<NearestOrder> nearest, java.util.Set<String> hints, Position position) implements Statement {

        public Select {
            projection = List.copyOf(projection);
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(where, "where");
            orderBy = List.copyOf(orderBy);
            Objects.requireNonNull(nearest, "nearest");
            if (nearest.isPresent() && !orderBy.isEmpty()) {
                throw new IllegalArgumentException("a nearest-neighbour SELECT has no other ORDER BY item");
            }
            hints = java.util.Set.copyOf(hints);
            Objects.requireNonNull(position, "position");
        }

        /** A SELECT as DynamoDB writes it: no nearest-neighbour order, no hints. */
        public Select(List<Expr.PathRef> projection, TableRef table, Optional<Expr> where, List<OrderItem> orderBy,
                      Position position) {
            this(projection, table, where, orderBy, Optional.empty(), java.util.Set.of(), position);
        }

        /** Whether this is {@code SELECT *}. */
        public boolean selectsAll() {
            return projection.isEmpty();
        }

        @Override
        public List<Expr> expressions() {
            List<Expr> expressions = new ArrayList<>(projection);
            where.ifPresent(expressions::add);
            orderBy.forEach(item -> expressions.add(item.path()));
            nearest.ifPresent(order -> {
                expressions.add(order.distance());
                expressions.add(order.count());
            });
            return expressions;
        }
    }

    /**
     * {@code INSERT INTO table VALUE item}.
     *
     * @param item a {@link Expr.Literal} holding an {@code M}, or a {@link Expr.Struct} with parameters
     */
    record Insert(TableRef table, Expr item, Position position) implements Statement {

        public Insert {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> expressions() {
            return List.of(item);
        }
    }

    /**
     * {@code UPDATE table SET ... REMOVE ... WHERE condition [RETURNING ...]}, the SET and REMOVE
     * actions in text order.
     */
    record Update(TableRef table, List<Action> actions, Expr where, ReturnValues returning, Position position)
            implements Statement {

        public Update {
            Objects.requireNonNull(table, "table");
            actions = List.copyOf(actions);
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(returning, "returning");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> expressions() {
            List<Expr> expressions = new ArrayList<>();
            for (Action action : actions) {
                expressions.add(action.target());
                if (action instanceof Set set) {
                    expressions.add(set.value());
                }
            }
            expressions.add(where);
            return expressions;
        }

        /** One action of an UPDATE. */
        public sealed interface Action permits Set, Remove {
            /** The path the action writes. */
            Expr.PathRef target();

            Position position();
        }

        /** {@code SET target = value}. */
        public record Set(Expr.PathRef target, Expr value, Position position) implements Action {
            public Set {
                Objects.requireNonNull(target, "target");
                Objects.requireNonNull(value, "value");
                Objects.requireNonNull(position, "position");
            }
        }

        /** {@code REMOVE target}. */
        public record Remove(Expr.PathRef target, Position position) implements Action {
            public Remove {
                Objects.requireNonNull(target, "target");
                Objects.requireNonNull(position, "position");
            }
        }
    }

    /** {@code DELETE FROM table WHERE condition [RETURNING ALL OLD *]}. */
    record Delete(TableRef table, Expr where, ReturnValues returning, Position position) implements Statement {

        public Delete {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(returning, "returning");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> expressions() {
            return List.of(where);
        }
    }

    /**
     * {@code [NOT] EXISTS(SELECT ...)} as a statement of its own: the condition check of a
     * transaction, which holds when the query finds an item (does not, when negated).
     */
    record ExistsCheck(Select query, boolean negated, Position position) implements Statement {

        public ExistsCheck {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public TableRef table() {
            return query.table();
        }

        @Override
        public List<Expr> expressions() {
            return query.expressions();
        }
    }
}

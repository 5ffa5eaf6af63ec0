package io.skiff.parser.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every node points at the first character of its construct, 1-based. */
class PositionTest {

    @Test
    void nodesOfASelectPointAtTheirText() {
        var select = (Statement.Select) StatementParser.parse("""
                SELECT a.b, "c"
                  FROM "T"."I"
                  WHERE x = ? AND
                        begins_with(y, 'p')
                  ORDER BY a DESC""");

        assertThat(select.position()).isEqualTo(new Position(1, 1));
        assertThat(select.projection()).extracting(Expr::position)
                .containsExactly(new Position(1, 8), new Position(1, 13));
        assertThat(select.table().position()).isEqualTo(new Position(2, 8));
        var where = (Expr.And) select.where().orElseThrow();
        assertThat(where.position()).isEqualTo(new Position(3, 9));
        var comparison = (Expr.Comparison) where.operands().get(0);
        assertThat(comparison.left().position()).isEqualTo(new Position(3, 9));
        assertThat(comparison.right().position()).isEqualTo(new Position(3, 13));
        var call = (Expr.Call) where.operands().get(1);
        assertThat(call.position()).isEqualTo(new Position(4, 9));
        assertThat(call.arguments()).extracting(Expr::position)
                .containsExactly(new Position(4, 21), new Position(4, 24));
        assertThat(select.orderBy().get(0).position()).isEqualTo(new Position(5, 12));
    }

    @Test
    void nodesOfAnUpdatePointAtTheirText() {
        var update = (Statement.Update) StatementParser.parse(
                "UPDATE t SET a = {'k': ?, 'l': [1, ?]} REMOVE b[2] WHERE pk = 1 RETURNING ALL NEW *");

        List<Statement.Update.Action> actions = update.actions();
        assertThat(actions).extracting(Statement.Update.Action::position)
                .containsExactly(new Position(1, 14), new Position(1, 47));
        var struct = (Expr.Struct) ((Statement.Update.Set) actions.get(0)).value();
        assertThat(struct.position()).isEqualTo(new Position(1, 18));
        assertThat(struct.fields()).extracting(Expr.Field::position)
                .containsExactly(new Position(1, 19), new Position(1, 27));
        var list = (Expr.ListOf) struct.fields().get(1).value();
        assertThat(list.elements()).extracting(Expr::position)
                .containsExactly(new Position(1, 33), new Position(1, 36));
        assertThat(actions.get(1).target().position()).isEqualTo(new Position(1, 47));
    }

    @Test
    void columnsCountCharactersOfTheLine() {
        var select = (Statement.Select) StatementParser.parse("SELECT * FROM t WHERE a = 'ü😀' AND b = 1");

        var and = (Expr.And) select.where().orElseThrow();
        assertThat(and.operands().get(1).position()).isEqualTo(new Position(1, 36));
    }

    @Test
    void positionsAreOneBased() {
        assertThatThrownBy(() -> new Position(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Position(3, 7).invalid("bad")).satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(7);
            assertThat(e).isInstanceOf(SkiffException.class).hasMessage("bad at line 3, column 7");
        });
    }
}

package io.skiff.replication.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.expr.ArithmeticOperator;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.Update;
import io.skiff.core.expr.UpdateAction;
import io.skiff.core.expr.UpdateValue;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.replication.v1.Command;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.ReturnValues;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import io.skiff.storage.api.WriteRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every request survives the trip through a command's bytes unchanged, node for node. */
class CommandCodecTest {

    private static final Item KEY = Item.of(Map.of("pk", AttributeValue.s("a")));
    private static final Item ITEM = KEY.with("tags", AttributeValue.ss("x", "y"))
            .with("n", AttributeValue.n("1.50")).with("nested", AttributeValue.m(Map.of("l",
                    AttributeValue.l(List.of(AttributeValue.bool(true), AttributeValue.nul())))));

    /** A condition that uses every node kind. */
    private static final Condition EVERY_CONDITION = Condition.and(
            Condition.or(
                    Condition.eq(Operand.path(Path.parse("a.b[2]")), Operand.value(AttributeValue.n(3))),
                    Condition.not(Condition.attributeExists(Path.attribute("gone")))),
            Condition.between(Operand.size(Path.attribute("s")), Operand.value(AttributeValue.n(1)),
                    Operand.value(AttributeValue.n(9))),
            Condition.in(Operand.path(Path.attribute("status")),
                    List.of(Operand.value(AttributeValue.s("new")), Operand.value(AttributeValue.s("old")))),
            Condition.attributeNotExists(Path.attribute("pk")),
            Condition.attributeType(Path.attribute("tags"), AttributeType.SS),
            Condition.beginsWith(Path.attribute("name"), Operand.value(AttributeValue.s("Ov"))),
            Condition.contains(Path.attribute("tags"), Operand.value(AttributeValue.s("x"))),
            Condition.ge(Operand.path(Path.attribute("n")), Operand.path(Path.attribute("m"))));

    /** An update that uses every action and value kind. */
    private static final Update EVERY_UPDATE = Update.of(
            UpdateAction.set(Path.attribute("a"), UpdateValue.arithmetic(UpdateValue.ifNotExists(
                    Path.attribute("a"), UpdateValue.value(AttributeValue.n(0))), ArithmeticOperator.PLUS,
                    UpdateValue.value(AttributeValue.n(1)))),
            UpdateAction.set(Path.parse("l"), UpdateValue.listAppend(UpdateValue.path(Path.attribute("l")),
                    UpdateValue.value(AttributeValue.l(List.of(AttributeValue.s("z")))))),
            UpdateAction.remove(Path.parse("old[0]")),
            UpdateAction.add(Path.attribute("count"), AttributeValue.n(2)),
            UpdateAction.delete(Path.attribute("tags"), AttributeValue.ss("y")));

    @Test
    void putsUpdatesAndDeletesRoundTrip() throws Exception {
        PutItem put = PutItem.insert("t", ITEM).withCondition(EVERY_CONDITION).returning(ReturnValues.ALL_OLD)
                .ifUnchanged(KEY);
        UpdateItem update = UpdateItem.of("t", KEY, EVERY_UPDATE).withCondition(EVERY_CONDITION)
                .returning(ReturnValues.UPDATED_NEW);
        DeleteItem delete = DeleteItem.of("t", KEY).withCondition(Condition.attributeExists(Path.attribute("pk")))
                .ifUnchanged(ITEM);

        assertThat(CommandCodec.fromProto(reparse(CommandCodec.put(put)).getPut())).isEqualTo(put);
        assertThat(CommandCodec.fromProto(reparse(CommandCodec.update(update)).getUpdate())).isEqualTo(update);
        assertThat(CommandCodec.fromProto(reparse(CommandCodec.delete(delete)).getDelete())).isEqualTo(delete);
        assertThat(CommandCodec.fromProto(reparse(CommandCodec.put(PutItem.of("t", ITEM))).getPut()))
                .isEqualTo(PutItem.of("t", ITEM));
    }

    @Test
    void aDistanceCallInAConditionIsResolvedAgainByName() throws Exception {
        Condition near = Condition.le(io.skiff.functions.DistanceOperators.load().call("levenshtein",
                List.of(Operand.path(Path.attribute("name")), Operand.value(AttributeValue.s("habibs")))),
                Operand.value(AttributeValue.n(1)));
        PutItem put = PutItem.of("t", ITEM).withCondition(near);

        PutItem decoded = CommandCodec.fromProto(reparse(CommandCodec.put(put)).getPut());

        assertThat(decoded).isEqualTo(put);
        Condition condition = decoded.condition().orElseThrow();
        assertThat(condition.test(Item.of(Map.of("name", AttributeValue.s("habits"))))).isTrue();
        assertThat(condition.test(Item.of(Map.of("name", AttributeValue.s("kebab"))))).isFalse();
        assertThat(condition.test(Item.empty())).isFalse();
    }

    @Test
    void batchesAndTransactionsRoundTrip() throws Exception {
        List<WriteRequest> batch = List.of(WriteRequest.put("t", ITEM), WriteRequest.delete("u", KEY));
        List<TransactWriteItem> transaction = List.of(
                TransactWriteItem.put(PutItem.of("t", ITEM)),
                TransactWriteItem.update(UpdateItem.of("t", KEY, EVERY_UPDATE)),
                TransactWriteItem.delete(DeleteItem.of("u", KEY)),
                TransactWriteItem.check("v", KEY, EVERY_CONDITION));

        assertThat(CommandCodec.fromProto(reparse(CommandCodec.batchWrite(batch)).getBatchWrite())).isEqualTo(batch);
        assertThat(CommandCodec.fromProto(reparse(CommandCodec.transactWrite(transaction)).getTransaction()))
                .isEqualTo(transaction);
        Command prepare = reparse(CommandCodec.prepare("tx-1", 3, transaction, true));
        assertThat(prepare.getPrepare().getId()).isEqualTo("tx-1");
        assertThat(prepare.getPrepare().getCoordinator()).isEqualTo(3);
        assertThat(prepare.getPrepare().getStatement()).isTrue();
        assertThat(CommandCodec.fromProto(prepare.getPrepare().getItems())).isEqualTo(transaction);
        assertThat(reparse(CommandCodec.decide("tx-1", true)).getDecide().getCommit()).isTrue();
        assertThat(reparse(CommandCodec.commitPrepared("tx-1")).getCommitPrepared().getId()).isEqualTo("tx-1");
        assertThat(reparse(CommandCodec.abortPrepared("tx-1")).getAbortPrepared().getId()).isEqualTo("tx-1");
        assertThat(reparse(CommandCodec.forget("tx-1")).getForget().getId()).isEqualTo("tx-1");
        Command statement = reparse(CommandCodec.statementWrite(transaction));
        assertThat(statement.getKindCase()).isEqualTo(Command.KindCase.STATEMENT);
        assertThat(CommandCodec.fromProto(statement.getStatement())).isEqualTo(transaction);
    }

    private static Command reparse(Command command) throws Exception {
        return Command.parseFrom(command.toByteArray());
    }
}

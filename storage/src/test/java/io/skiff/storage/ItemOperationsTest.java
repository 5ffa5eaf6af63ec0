package io.skiff.storage;

import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.Update;
import io.skiff.core.expr.UpdateAction;
import io.skiff.core.expr.UpdateValue;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.MapValue;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.ReturnValues;
import io.skiff.storage.api.UpdateItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemOperationsTest extends EngineFixture {

    private static final Condition NOT_EXISTS = Condition.attributeNotExists(Path.parse("pk"));

    @Test
    void putReplacesAndGetReadsBack() {
        Item first = Item.builder().s("pk", "u1").n("age", 30).put("tags", AttributeValue.ss("a", "b"))
                .put("address", MapValue.of(Map.of("city", s("Santos")))).build();
        engine.put(PutItem.of(USERS, first));
        assertThat(engine.get(GetItem.of(USERS, key("u1")))).contains(first);
        engine.put(PutItem.of(USERS, user("u1", 31)));
        assertThat(engine.get(GetItem.of(USERS, key("u1")))).contains(user("u1", 31));
        assertThat(engine.get(GetItem.of(USERS, key("nobody")))).isEmpty();
    }

    @Test
    void getProjectsTopLevelAndNestedPaths() {
        Item item = Item.builder().s("pk", "u1").n("age", 30)
                .put("address", MapValue.of(Map.of("city", s("Santos"), "zip", s("11000")))).build();
        engine.put(PutItem.of(USERS, item));
        Item projected = engine.get(GetItem.of(USERS, key("u1"))
                .project(List.of(Path.parse("age"), Path.parse("address.city")))).orElseThrow();
        assertThat(projected).isEqualTo(Item.builder().n("age", 30)
                .put("address", MapValue.of(Map.of("city", s("Santos")))).build());
    }

    @Test
    void conditionalPutWritesOnlyWhenTheConditionHolds() {
        engine.put(PutItem.of(USERS, user("u1", 30)).withCondition(NOT_EXISTS));
        var e = failure(ErrorCode.CONDITIONAL_CHECK_FAILED,
                () -> engine.put(PutItem.of(USERS, user("u1", 99)).withCondition(NOT_EXISTS)));
        assertThat(e.sqlState()).isEqualTo("23514");
        assertThat(engine.get(GetItem.of(USERS, key("u1")))).contains(user("u1", 30));

        Condition versionIs30 = Condition.eq(Operand.path(Path.parse("age")), Operand.value(n(30)));
        var old = engine.put(PutItem.of(USERS, user("u1", 31)).withCondition(versionIs30)
                .returning(ReturnValues.ALL_OLD));
        assertThat(old.attributes()).contains(user("u1", 30));
        failure(ErrorCode.CONDITIONAL_CHECK_FAILED,
                () -> engine.put(PutItem.of(USERS, user("u1", 32)).withCondition(versionIs30)));
        assertThat(engine.get(GetItem.of(USERS, key("u1")))).contains(user("u1", 31));
    }

    @Test
    void aReadModifyWriteFailsWhenTheItemChangedSinceTheRead() {
        engine.put(PutItem.of(USERS, user("u1", 30)));
        Item read = engine.get(GetItem.of(USERS, key("u1"))).orElseThrow();
        engine.put(PutItem.of(USERS, user("u1", 31)).ifUnchanged(read));
        var e = failure(ErrorCode.WRITE_CONFLICT, () -> engine.put(PutItem.of(USERS, user("u1", 99)).ifUnchanged(read)));
        assertThat(e.sqlState()).isEqualTo("40001");
        assertThat(engine.get(GetItem.of(USERS, key("u1")))).contains(user("u1", 31));
        failure(ErrorCode.WRITE_CONFLICT, () -> engine.delete(DeleteItem.of(USERS, key("u1")).ifUnchanged(read)));
        assertThat(engine.get(GetItem.of(USERS, key("u1")))).isPresent();
        engine.delete(DeleteItem.of(USERS, key("u1")).ifUnchanged(user("u1", 31)));
        assertThat(engine.get(GetItem.of(USERS, key("u1")))).isEmpty();
    }

    @Test
    void insertOfAnExistingKeyIsADuplicateAndWritesNothing() {
        engine.put(PutItem.insert(USERS, user("u1", 30)));
        var e = failure(ErrorCode.DUPLICATE_ITEM, () -> engine.put(PutItem.insert(USERS, user("u1", 40))));
        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.getMessage()).contains("u1").contains("users");
        assertThat(engine.get(GetItem.of(USERS, key("u1")))).contains(user("u1", 30));
    }

    @Test
    void invalidItemsAreRejectedAndChangeNothing() {
        engine.put(PutItem.of(USERS, user("u1", 30)));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.put(PutItem.of(USERS, Item.builder().n("age", 1).build())));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.put(PutItem.of(USERS, Item.builder().n("pk", 1).build())));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.put(PutItem.of(USERS, Item.builder().s("pk", "").build())));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.put(PutItem.of(USERS,
                Item.builder().s("pk", "x".repeat(2049)).build())));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.get(GetItem.of(USERS, user("u1", 30))));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.put(PutItem.of(USERS, user("u1", 1))
                .returning(ReturnValues.ALL_NEW)));
        var tooLarge = failure(ErrorCode.ITEM_TOO_LARGE, () -> engine.put(PutItem.of(USERS,
                Item.builder().s("pk", "u1").s("blob", "x".repeat(410 * 1024)).build())));
        assertThat(tooLarge.getMessage()).contains("exceeds");
        assertThat(all(USERS)).containsExactly(user("u1", 30));
    }

    @Test
    void declaredAttributeTypesAndAttributeNamesAreEnforced() {
        engine.createTable(TableSchema.of("typed", KeyAttribute.of("pk", AttributeType.S))
                .withAttribute("age", AttributeType.N));
        engine.put(PutItem.of("typed", user("ok", 1)));
        engine.put(PutItem.of("typed", Item.builder().s("pk", "nullable").put("age", AttributeValue.nul()).build()));
        var mistyped = failure(ErrorCode.VALIDATION_ERROR, () -> engine.put(PutItem.of("typed",
                Item.builder().s("pk", "bad").s("age", "old").build())));
        assertThat(mistyped.getMessage()).contains("'age'").contains("declared as N");
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.put(PutItem.of("typed",
                Item.builder().s("pk", "bad").put("", AttributeValue.s("x")).build())));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.put(PutItem.of("typed", Item.builder().s("pk", "bad")
                .put("nested", MapValue.of(Map.of("", AttributeValue.s("x")))).build())));
        assertThat(all("typed")).hasSize(2);
    }

    @Test
    void deleteIsConditionalAndCanReturnTheOldItem() {
        engine.put(PutItem.of(USERS, user("u1", 30)));
        Condition adult = Condition.ge(Operand.path(Path.parse("age")), Operand.value(n(40)));
        failure(ErrorCode.CONDITIONAL_CHECK_FAILED,
                () -> engine.delete(DeleteItem.of(USERS, key("u1")).withCondition(adult)));
        assertThat(engine.get(GetItem.of(USERS, key("u1")))).isPresent();
        var result = engine.delete(DeleteItem.of(USERS, key("u1")).returning(ReturnValues.ALL_OLD));
        assertThat(result.attributes()).contains(user("u1", 30));
        assertThat(engine.get(GetItem.of(USERS, key("u1")))).isEmpty();
        assertThat(engine.delete(DeleteItem.of(USERS, key("u1")).returning(ReturnValues.ALL_OLD)).attributes())
                .isEmpty();
    }

    @Test
    void updateAppliesActionsAndReturnsWhatWasAskedFor() {
        engine.put(PutItem.of(USERS, Item.builder().s("pk", "u1").n("age", 30).s("city", "Rio").build()));
        Update birthday = new Update(List.of(
                new UpdateAction.Set(Path.parse("age"),
                        UpdateValue.plus(UpdateValue.path(Path.parse("age")), UpdateValue.value(n(1)))),
                new UpdateAction.Remove(Path.parse("city"))));
        var updatedNew = engine.update(UpdateItem.of(USERS, key("u1"), birthday).returning(ReturnValues.UPDATED_NEW));
        assertThat(updatedNew.attributes()).contains(Item.builder().n("age", 31).build());
        var updatedOld = engine.update(UpdateItem.of(USERS, key("u1"), birthday).returning(ReturnValues.UPDATED_OLD));
        assertThat(updatedOld.attributes()).contains(Item.builder().n("age", 31).build());
        var allNew = engine.update(UpdateItem.of(USERS, key("u1"), birthday).returning(ReturnValues.ALL_NEW));
        assertThat(allNew.attributes()).contains(user("u1", 33));
        var allOld = engine.update(UpdateItem.of(USERS, key("u1"), birthday).returning(ReturnValues.ALL_OLD));
        assertThat(allOld.attributes()).contains(user("u1", 33));
        assertThat(engine.get(GetItem.of(USERS, key("u1")))).contains(user("u1", 34));
    }

    @Test
    void updateOfAMissingItemCreatesIt() {
        Update setAge = new Update(List.of(new UpdateAction.Set(Path.parse("age"), UpdateValue.value(n(5)))));
        var result = engine.update(UpdateItem.of(USERS, key("new"), setAge).returning(ReturnValues.UPDATED_OLD));
        assertThat(result.attributes()).isEmpty();
        assertThat(engine.get(GetItem.of(USERS, key("new")))).contains(user("new", 5));
    }

    @Test
    void failedUpdatesChangeNothing() {
        engine.put(PutItem.of(USERS, Item.builder().s("pk", "u1").n("age", 30).s("name", "Ova").build()));
        Item before = engine.get(GetItem.of(USERS, key("u1"))).orElseThrow();
        Update setKey = new Update(List.of(new UpdateAction.Set(Path.parse("pk"), UpdateValue.value(s("u2")))));
        var keyUpdate = failure(ErrorCode.VALIDATION_ERROR, () -> engine.update(UpdateItem.of(USERS, key("u1"), setKey)));
        assertThat(keyUpdate.getMessage()).contains("'pk'").contains("key");
        Update addToString = new Update(List.of(new UpdateAction.Set(Path.parse("name"),
                UpdateValue.plus(UpdateValue.path(Path.parse("name")), UpdateValue.value(n(1))))));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.update(UpdateItem.of(USERS, key("u1"), addToString)));
        Update grow = new Update(List.of(new UpdateAction.Set(Path.parse("blob"),
                UpdateValue.value(s("x".repeat(401 * 1024))))));
        failure(ErrorCode.ITEM_TOO_LARGE, () -> engine.update(UpdateItem.of(USERS, key("u1"), grow)));
        Condition never = Condition.attributeNotExists(Path.parse("pk"));
        Update setAge = new Update(List.of(new UpdateAction.Set(Path.parse("age"), UpdateValue.value(n(1)))));
        failure(ErrorCode.CONDITIONAL_CHECK_FAILED,
                () -> engine.update(UpdateItem.of(USERS, key("u1"), setAge).withCondition(never)));
        assertThat(engine.get(GetItem.of(USERS, key("u1")))).contains(before);
    }

    @Test
    void writesSurviveCloseAndReopen() {
        for (int i = 0; i < 200; i++) {
            engine.put(PutItem.of(USERS, user("u" + i, i)));
        }
        engine.delete(DeleteItem.of(USERS, key("u7")));
        reopen();
        assertThat(all(USERS)).hasSize(199);
        assertThat(engine.get(GetItem.of(USERS, key("u42")))).contains(user("u42", 42));
        assertThat(engine.get(GetItem.of(USERS, key("u7")))).isEmpty();
    }
}

package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.schema.TableSchema;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.PutItem;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class CheckpointTest extends EngineFixture {

    @Test
    void aCheckpointKeepsThePastAndRestoresIntoANewTable() {
        for (int i = 0; i < 1200; i++) {
            engine.put(PutItem.of(USERS, user("u" + i, i)));
        }
        engine.createCheckpoint("before-cleanup");
        for (int i = 0; i < 1000; i++) {
            engine.delete(DeleteItem.of(USERS, key("u" + i)));
        }
        engine.put(PutItem.of(USERS, user("late", 1)));
        assertThat(engine.listCheckpoints()).containsExactly("before-cleanup");

        engine.restoreTable("before-cleanup", USERS, "users_restored");
        TableSchema restored = engine.describeTable("users_restored");
        assertThat(restored.partitionKey()).isEqualTo(engine.describeTable(USERS).partitionKey());
        assertThat(all("users_restored")).hasSize(1200);
        assertThat(engine.get(GetItem.of("users_restored", key("u5")))).contains(user("u5", 5));
        assertThat(engine.get(GetItem.of("users_restored", key("late")))).isEmpty();
        assertThat(all(USERS)).hasSize(201);
    }

    @Test
    void aCheckpointOpensReadOnly() {
        engine.put(PutItem.of(USERS, user("a", 1)));
        var dir = engine.createCheckpoint("snap");
        try (Engine snapshot = Engine.openReadOnly(dir)) {
            assertThat(snapshot.get(GetItem.of(USERS, key("a")))).contains(user("a", 1));
            var e = failure(ErrorCode.VALIDATION_ERROR, () -> snapshot.put(PutItem.of(USERS, user("b", 2))));
            assertThat(e.getMessage()).contains("read-only");
            failure(ErrorCode.VALIDATION_ERROR, () -> snapshot.dropTable(USERS));
        }
    }

    @Test
    void aRestoreThatFailsHalfwayLeavesNoTable() {
        engine.put(PutItem.of(USERS, user("small", 1)));
        engine.put(PutItem.of(USERS, io.skiff.core.value.Item.builder().s("pk", "large").s("blob", "x".repeat(5000))
                .build()));
        engine.createCheckpoint("mixed");
        engine.close();
        engine = Engine.open(dataDir, EngineOptions.builder().maxItemBytes(2048).build());
        failure(ErrorCode.ITEM_TOO_LARGE, () -> engine.restoreTable("mixed", USERS, "users_restored"));
        assertThat(engine.findTable("users_restored")).isEmpty();
    }

    @Test
    void checkpointNamesAndExistenceAreChecked() {
        engine.createCheckpoint("one");
        failure(ErrorCode.CHECKPOINT_ALREADY_EXISTS, () -> engine.createCheckpoint("one"));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.createCheckpoint("../escape"));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.createCheckpoint(".hidden"));
        failure(ErrorCode.CHECKPOINT_NOT_FOUND, () -> engine.restoreTable("two", USERS, "copy_of_users"));
        failure(ErrorCode.TABLE_ALREADY_EXISTS, () -> engine.restoreTable("one", USERS, EVENTS));
        failure(ErrorCode.TABLE_NOT_FOUND, () -> engine.restoreTable("one", "missing", "copy_of_missing"));
        assertThat(engine.findTable("copy_of_missing")).isEmpty();
        engine.deleteCheckpoint("one");
        assertThat(engine.listCheckpoints()).isEmpty();
        assertThat(Files.exists(dataDir.resolve("checkpoints").resolve("one"))).isFalse();
        failure(ErrorCode.CHECKPOINT_NOT_FOUND, () -> engine.deleteCheckpoint("one"));
    }
}

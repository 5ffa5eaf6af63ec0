package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.LogPosition;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.WriteRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes applied from a replicated log keep their log position with their data. */
class LogPositionTest extends EngineFixture {

    @Test
    void anEngineThatAppliedNothingHasNoPosition() {
        engine.put(PutItem.of(USERS, user("a", 1)));

        assertThat(engine.appliedPosition()).isEqualTo(LogPosition.NONE);
    }

    @Test
    void everyKindOfWriteRecordsItsPositionAndItSurvivesAReopen() {
        engine.put(PutItem.of(USERS, user("a", 1)), new LogPosition(1, 10));
        assertThat(engine.appliedPosition()).isEqualTo(new LogPosition(1, 10));
        engine.batchWrite(List.of(WriteRequest.put(USERS, user("b", 2))), new LogPosition(1, 11));
        assertThat(engine.appliedPosition()).isEqualTo(new LogPosition(1, 11));
        engine.transactWrite(List.of(TransactWriteItem.put(PutItem.of(USERS, user("c", 3)))), new LogPosition(2, 12));
        assertThat(engine.appliedPosition()).isEqualTo(new LogPosition(2, 12));
        engine.dropTable(EVENTS, new LogPosition(2, 13));

        engine.close();
        engine = Engine.open(dataDir, SMALL);

        assertThat(engine.appliedPosition()).isEqualTo(new LogPosition(2, 13));
        assertThat(engine.findTable(EVENTS)).isEmpty();
    }

    @Test
    void aRefusedWriteRecordsNeitherDataNorPosition() {
        engine.put(PutItem.of(USERS, user("a", 1)), new LogPosition(1, 5));

        failure(ErrorCode.CONDITIONAL_CHECK_FAILED, () -> engine.put(PutItem.of(USERS, user("a", 2))
                .withCondition(Condition.attributeNotExists(Path.attribute("pk"))), new LogPosition(1, 6)));

        assertThat(engine.appliedPosition()).isEqualTo(new LogPosition(1, 5));
        assertThat(engine.get(GetItem.of(USERS, key("a")))).contains(user("a", 1));
        engine.recordApplied(new LogPosition(1, 6));
        assertThat(engine.appliedPosition()).isEqualTo(new LogPosition(1, 6));
    }

    @Test
    void aCheckpointCopiedOverADataDirectoryReplacesItWhole() throws Exception {
        engine.put(PutItem.of(USERS, user("kept", 1)), new LogPosition(3, 30));
        java.nio.file.Path checkpoint = dataDir.resolveSibling(dataDir.getFileName() + "-snap");
        java.nio.file.Path replica = dataDir.resolveSibling(dataDir.getFileName() + "-replica");
        engine.checkpointTo(checkpoint);
        try (Engine other = Engine.open(replica, SMALL)) {
            other.createTable(io.skiff.core.schema.TableSchema.of("other",
                    io.skiff.core.schema.KeyAttribute.of("pk", io.skiff.core.value.AttributeType.S)));
        }

        Engine.replaceWithCopy(checkpoint, replica);

        try (Engine copy = Engine.open(replica, SMALL)) {
            assertThat(copy.appliedPosition()).isEqualTo(new LogPosition(3, 30));
            assertThat(copy.findTable("other")).isEmpty();
            assertThat(copy.get(GetItem.of(USERS, key("kept")))).contains(user("kept", 1));
            copy.put(PutItem.of(USERS, user("copy-only", 2)));
        }
        // The copy shares no mutable file with the checkpoint.
        try (Engine snapshot = Engine.openReadOnly(checkpoint)) {
            assertThat(snapshot.get(GetItem.of(USERS, key("copy-only")))).isEmpty();
        }
    }
}

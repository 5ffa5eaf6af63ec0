package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.PutItem;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogTest extends EngineFixture {

    @Test
    void tablesAreListedDescribedAndSurviveReopen() {
        TableSchema typed = new TableSchema("typed_table", KeyAttribute.of("id", AttributeType.N),
                Optional.of(KeyAttribute.of("at", AttributeType.B)), Map.of("city", AttributeType.S));
        engine.createTable(typed);
        reopen();
        assertThat(engine.listTables()).extracting(TableSchema::name).containsExactly(EVENTS, "typed_table", USERS);
        assertThat(engine.describeTable("typed_table")).isEqualTo(typed);
        assertThat(engine.findTable("nope")).isEmpty();
    }

    @Test
    void creatingAnExistingTableFailsAndKeepsTheOriginal() {
        engine.put(PutItem.of(USERS, user("a", 1)));
        failure(ErrorCode.TABLE_ALREADY_EXISTS,
                () -> engine.createTable(TableSchema.of(USERS, KeyAttribute.of("other", AttributeType.N))));
        assertThat(engine.describeTable(USERS).partitionKey().name()).isEqualTo("pk");
        assertThat(engine.get(GetItem.of(USERS, key("a")))).contains(user("a", 1));
    }

    @Test
    void dropRemovesTheDataNotOnlyTheName() {
        engine.put(PutItem.of(USERS, user("a", 1)));
        engine.dropTable(USERS);
        failure(ErrorCode.TABLE_NOT_FOUND, () -> engine.get(GetItem.of(USERS, key("a"))));
        engine.createTable(TableSchema.of(USERS, KeyAttribute.of("pk", AttributeType.S)));
        assertThat(engine.get(GetItem.of(USERS, key("a")))).isEmpty();
        assertThat(all(USERS)).isEmpty();
        reopen();
        assertThat(all(USERS)).isEmpty();
    }

    @Test
    void theCatalogVersionMovesWithEveryDefinitionAndNeverComesBack() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        long version = engine.catalogVersion();
        seen.add(version);
        engine.put(PutItem.of(USERS, user("a", 1)));
        assertThat(engine.catalogVersion()).as("writes leave the catalog as it was").isEqualTo(version);
        io.skiff.storage.api.IndexDefinition byName =
                new io.skiff.storage.api.IndexDefinition("by_name", USERS, "name", "trigram", Map.of());
        Runnable[] changes = {
            () -> engine.createTable(TableSchema.of("third", KeyAttribute.of("id", AttributeType.S))),
            () -> engine.createIndex(byName, false),
            () -> engine.dropIndex(USERS, "by_name", false),
            () -> engine.dropTable("third"),
            this::reopen,
        };
        for (Runnable change : changes) {
            change.run();
            assertThat(seen.add(engine.catalogVersion())).as("a new version after each change").isTrue();
        }
    }

    @Test
    void unknownTablesAreReportedByName() {
        var e = failure(ErrorCode.TABLE_NOT_FOUND, () -> engine.dropTable("missing"));
        assertThat(e.getMessage()).contains("'missing'");
        assertThat(e.sqlState()).isEqualTo("42S02");
        failure(ErrorCode.TABLE_NOT_FOUND, () -> engine.describeTable("missing"));
        failure(ErrorCode.TABLE_NOT_FOUND, () -> engine.put(PutItem.of("missing", user("a", 1))));
    }

    @Test
    void invalidSchemasAreRejected() {
        failure(ErrorCode.VALIDATION_ERROR, () -> TableSchema.of("ab", KeyAttribute.of("pk", AttributeType.S)));
        failure(ErrorCode.VALIDATION_ERROR, () -> TableSchema.of("bad name", KeyAttribute.of("pk", AttributeType.S)));
        failure(ErrorCode.VALIDATION_ERROR, () -> KeyAttribute.of("pk", AttributeType.BOOL));
        failure(ErrorCode.VALIDATION_ERROR, () -> TableSchema.of("same_keys",
                KeyAttribute.of("pk", AttributeType.S), KeyAttribute.of("pk", AttributeType.N)));
        assertThat(engine.listTables()).hasSize(2);
    }

    @Test
    void aDirectoryOpenInAnotherEngineIsReportedAsInUse() {
        var e = failure(ErrorCode.DATABASE_IN_USE, () -> Engine.open(dataDir, SMALL));
        assertThat(e.getMessage()).contains("in use").contains(dataDir.toString());
        assertThat(e.sqlState()).isEqualTo("55006");
        assertThat(engine.listTables()).hasSize(2);
    }

    @Test
    void aClosedEngineRefusesWork() {
        engine.close();
        failure(ErrorCode.ENGINE_CLOSED, () -> engine.listTables());
        failure(ErrorCode.ENGINE_CLOSED, () -> engine.put(PutItem.of(USERS, user("a", 1))));
        reopen();
        assertThat(engine.listTables()).hasSize(2);
    }
}

package io.skiff.repl.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.ManagedChannel;
import io.skiff.core.error.SkiffException;
import io.skiff.protocol.v1.CreateTableRequest;
import io.skiff.protocol.v1.DeleteTableRequest;
import io.skiff.protocol.v1.DescribeTableRequest;
import io.skiff.protocol.v1.KeyAttribute;
import io.skiff.protocol.v1.KeyType;
import io.skiff.protocol.v1.ListTablesRequest;
import io.skiff.protocol.v1.ListTablesResponse;
import io.skiff.protocol.v1.TableDescription;
import io.skiff.protocol.v1.TableServiceGrpc;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** create-table, describe-table, list-tables, delete-table. */
final class TableCommands {

    private TableCommands() {
    }

    static ObjectNode describe(TableDescription table) {
        ObjectNode node = CliIo.object().put("TableName", table.getTableName());
        node.set("PartitionKey", key(table.getPartitionKey()));
        if (table.hasSortKey()) {
            node.set("SortKey", key(table.getSortKey()));
        }
        node.put("TableStatus", table.getTableStatus());
        return node;
    }

    private static ObjectNode key(KeyAttribute key) {
        return CliIo.object().put("AttributeName", key.getName()).put("AttributeType", key.getType().name());
    }

    /** {@code NAME:TYPE}, e.g. {@code pk:S}. */
    static KeyAttribute key(String option, String spec) {
        int colon = spec.lastIndexOf(':');
        String type = colon < 0 ? "" : spec.substring(colon + 1).toUpperCase(Locale.ROOT);
        if (colon <= 0 || !(type.equals("S") || type.equals("N") || type.equals("B"))) {
            throw SkiffException.validation(option + " '" + spec + "' must be NAME:TYPE with a type of S, N or B");
        }
        return KeyAttribute.newBuilder().setName(spec.substring(0, colon)).setType(KeyType.valueOf(type)).build();
    }

    @Command(name = "create-table", description = "Create a table.")
    static final class Create extends ApiCommand {
        @Option(names = "--table-name", required = true, paramLabel = "NAME")
        String table;
        @Option(names = "--partition-key", required = true, paramLabel = "NAME:TYPE", description = "e.g. pk:S")
        String partitionKey;
        @Option(names = "--sort-key", paramLabel = "NAME:TYPE", description = "e.g. sk:N")
        String sortKey;

        Create(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            CreateTableRequest.Builder request = CreateTableRequest.newBuilder().setTableName(table)
                    .setPartitionKey(key("--partition-key", partitionKey));
            if (sortKey != null) {
                request.setSortKey(key("--sort-key", sortKey));
            }
            TableDescription created = TableServiceGrpc.newBlockingStub(channel).createTable(request.build()).getTable();
            io.print(CliIo.object().set("TableDescription", describe(created)));
        }
    }

    @Command(name = "describe-table", description = "Describe a table.")
    static final class Describe extends ApiCommand {
        @Option(names = "--table-name", required = true, paramLabel = "NAME")
        String table;

        Describe(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            TableDescription table = TableServiceGrpc.newBlockingStub(channel)
                    .describeTable(DescribeTableRequest.newBuilder().setTableName(this.table).build()).getTable();
            io.print(CliIo.object().set("Table", describe(table)));
        }
    }

    @Command(name = "list-tables", description = "List the tables, every page of them.")
    static final class List extends ApiCommand {
        List(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            TableServiceGrpc.TableServiceBlockingStub stub = TableServiceGrpc.newBlockingStub(channel);
            com.fasterxml.jackson.databind.node.ArrayNode names = CliIo.JSON.createArrayNode();
            String start = "";
            do {
                ListTablesResponse page = stub.listTables(ListTablesRequest.newBuilder()
                        .setExclusiveStartTableName(start).build());
                page.getTableNamesList().forEach(names::add);
                start = page.getLastEvaluatedTableName();
            } while (!start.isEmpty());
            io.print(CliIo.object().set("TableNames", names));
        }
    }

    @Command(name = "delete-table", description = "Delete a table and its items.")
    static final class Delete extends ApiCommand {
        @Option(names = "--table-name", required = true, paramLabel = "NAME")
        String table;

        Delete(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            TableDescription deleted = TableServiceGrpc.newBlockingStub(channel)
                    .deleteTable(DeleteTableRequest.newBuilder().setTableName(table).build()).getTable();
            io.print(CliIo.object().set("TableDescription", describe(deleted)));
        }
    }
}

package io.skiff.repl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.ManagedChannel;
import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.protocol.ProtoValues;
import io.skiff.protocol.v1.CloseSessionRequest;
import io.skiff.protocol.v1.ExecuteRequest;
import io.skiff.protocol.v1.ExecuteResponse;
import io.skiff.protocol.v1.ExecuteStatementRequest;
import io.skiff.protocol.v1.ExecuteStatementResponse;
import io.skiff.protocol.v1.FetchRequest;
import io.skiff.protocol.v1.OpenSessionRequest;
import io.skiff.protocol.v1.PrepareRequest;
import io.skiff.protocol.v1.RowFrame;
import io.skiff.protocol.v1.SqlServiceGrpc;
import io.skiff.protocol.v1.StatementServiceGrpc;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** execute-statement (PartiQL, one page) and explain (PartiQL or SQL). */
final class StatementCommands {

    private StatementCommands() {
    }

    @Command(name = "execute-statement", description = "Run one PartiQL statement: one page of items.")
    static final class Execute extends ApiCommand {
        @Option(names = "--statement", required = true, paramLabel = "PARTIQL")
        String statement;
        @Option(names = "--parameters", paramLabel = "JSON", description = "A JSON array of DynamoDB JSON values.")
        String parameters;
        @Option(names = "--limit", paramLabel = "N")
        Integer limit;
        @Option(names = "--next-token", paramLabel = "TOKEN")
        String nextToken;
        @Option(names = "--consistent-read")
        boolean consistentRead;

        Execute(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            ExecuteStatementRequest.Builder request = ExecuteStatementRequest.newBuilder()
                    .setStatement(io.text(statement)).setConsistentRead(consistentRead);
            if (parameters != null) {
                JsonNode array = io.json("--parameters", parameters);
                if (!array.isArray()) {
                    throw SkiffException.validation("--parameters must be a JSON array of DynamoDB JSON values");
                }
                array.forEach(value -> request.addParameters(ProtoValues.toProto(ItemJson.readValue(value))));
            }
            if (limit != null) {
                request.setLimit(limit);
            }
            if (nextToken != null) {
                request.setNextToken(nextToken);
            }
            ExecuteStatementResponse response = StatementServiceGrpc.newBlockingStub(channel)
                    .executeStatement(request.build());
            ObjectNode result = CliIo.object();
            ArrayNode items = result.putArray("Items");
            response.getItemsList().forEach(item -> items.add(CliIo.itemJson(item)));
            if (!response.getNextToken().isEmpty()) {
                result.put("NextToken", response.getNextToken());
            }
            io.print(result);
        }
    }

    @Command(name = "explain", description = "Show the plan the server chooses for a statement.")
    static final class Explain extends ApiCommand {
        @Option(names = "--statement", required = true, paramLabel = "TEXT")
        String statement;
        @Option(names = "--dialect", paramLabel = "partiql|sql", defaultValue = "partiql",
                description = "The statement's language (default: partiql).")
        String dialect;

        Explain(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            String language = dialect.toLowerCase(Locale.ROOT);
            if (!language.equals("sql") && !language.equals("partiql")) {
                throw SkiffException.validation("--dialect '" + dialect + "' must be partiql or sql");
            }
            SqlServiceGrpc.SqlServiceBlockingStub sql = SqlServiceGrpc.newBlockingStub(channel);
            String session = sql.openSession(OpenSessionRequest.newBuilder().setDialect(language).build())
                    .getSessionId();
            try {
                String text = (language.equals("sql") ? "EXPLAIN PLAN FOR " : "EXPLAIN ") + io.text(statement);
                String prepared = sql.prepare(PrepareRequest.newBuilder().setSessionId(session).setText(text).build())
                        .getStatementId();
                ExecuteResponse response = sql.execute(ExecuteRequest.newBuilder().setSessionId(session)
                        .setStatementId(prepared).build());
                ArrayNode plan = CliIo.JSON.createArrayNode();
                RowFrame frame = response.getRows();
                while (true) {
                    frame.getRowsList().forEach(row -> plan.add(row.getValues(0).getString()));
                    if (frame.getDone()) {
                        break;
                    }
                    frame = sql.fetch(FetchRequest.newBuilder().setSessionId(session)
                            .setCursorId(response.getCursorId()).build()).getFrame();
                }
                io.print(CliIo.object().set("Plan", plan));
            } finally {
                sql.closeSession(CloseSessionRequest.newBuilder().setSessionId(session).build());
            }
        }
    }
}

package io.skiff.sql.partiql;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.Item;
import io.skiff.storage.api.GetItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * DynamoDB's {@code BatchExecuteStatement}: reads by full key fetched together from one
 * consistent view, or writes run one by one; one response per statement, not atomic.
 */
final class Batches {

    /** Most statements in one batch, as in DynamoDB. */
    static final int MAX_STATEMENTS = 25;

    private final PartiqlEngine engine;

    Batches(PartiqlEngine engine) {
        this.engine = engine;
    }

    List<BatchResponse> execute(List<ParameterizedStatement> statements) {
        if (statements.isEmpty() || statements.size() > MAX_STATEMENTS) {
            throw SkiffException.validation("A batch holds 1 to " + MAX_STATEMENTS + " statements, not "
                    + statements.size());
        }
        BatchResponse[] responses = new BatchResponse[statements.size()];
        PartiqlStatement[] prepared = new PartiqlStatement[statements.size()];
        for (int i = 0; i < prepared.length; i++) {
            try {
                prepared[i] = engine.prepare(statements.get(i).statement());
            } catch (SkiffException e) {
                responses[i] = BatchResponse.failure(e);
            }
        }
        boolean reads = Arrays.stream(prepared).anyMatch(s -> s != null && s.kind() == PartiqlStatement.Kind.SELECT);
        boolean writes = Arrays.stream(prepared).anyMatch(s -> s != null && s.kind() != PartiqlStatement.Kind.SELECT);
        if (reads && writes) {
            throw SkiffException.validation("A batch holds either SELECT statements or writes (INSERT, UPDATE,"
                    + " DELETE), not both");
        }
        if (reads) {
            read(statements, prepared, responses);
        } else {
            write(statements, prepared, responses);
        }
        return List.of(responses);
    }

    private void read(List<ParameterizedStatement> statements, PartiqlStatement[] prepared, BatchResponse[] responses) {
        List<Integer> positions = new ArrayList<>();
        List<SelectCommand.PointRead> reads = new ArrayList<>();
        for (int i = 0; i < prepared.length; i++) {
            if (prepared[i] == null) {
                continue;
            }
            try {
                SelectCommand select = (SelectCommand) prepared[i].command();
                reads.add(select.pointRead(prepared[i].binder(statements.get(i).parameters()), "a batch"));
                positions.add(i);
            } catch (SkiffException e) {
                responses[i] = BatchResponse.failure(e);
            }
        }
        if (reads.isEmpty()) {
            return;
        }
        List<GetItem> gets = reads.stream().map(SelectCommand.PointRead::get).toList();
        try {
            List<Optional<Item>> items = engine.store().batchGet(gets);
            for (int r = 0; r < reads.size(); r++) {
                responses[positions.get(r)] = BatchResponse.success(reads.get(r).result(items.get(r)));
            }
        } catch (SkiffException e) {
            positions.forEach(i -> responses[i] = BatchResponse.failure(e));
        }
    }

    private static void write(List<ParameterizedStatement> statements, PartiqlStatement[] prepared,
                              BatchResponse[] responses) {
        for (int i = 0; i < prepared.length; i++) {
            if (prepared[i] == null) {
                continue;
            }
            try {
                PartiqlResult result = prepared[i].execute(statements.get(i).parameters());
                responses[i] = BatchResponse.success(result.items().stream().findFirst());
            } catch (SkiffException e) {
                responses[i] = BatchResponse.failure(e);
            }
        }
    }
}

package io.skiff.sql.partiql;

import io.skiff.core.error.SkiffException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The request options of one execution, as in DynamoDB's {@code ExecuteStatement}.
 *
 * @param limit most items a SELECT evaluates (reads, before its WHERE filter) for this page;
 *              empty for the default page (1 MB of stored item data)
 * @param nextToken the {@link PartiqlResult#nextToken()} of the previous page of the same
 *                  statement with the same parameters
 * @param consistentRead whether the read must see every acknowledged write; carried through
 *                       for replicated stores (a single node always reads its latest state)
 */
public record ExecuteOptions(OptionalInt limit, Optional<String> nextToken, boolean consistentRead) {

    /** No limit, the first page, eventually consistent. */
    public static final ExecuteOptions DEFAULT = new ExecuteOptions(OptionalInt.empty(), Optional.empty(), false);

    public ExecuteOptions {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(nextToken, "nextToken");
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw SkiffException.validation("Limit " + limit.getAsInt() + " is invalid; it must be at least 1");
        }
    }

    /** These options with a limit on the items evaluated. */
    public ExecuteOptions withLimit(int newLimit) {
        return new ExecuteOptions(OptionalInt.of(newLimit), nextToken, consistentRead);
    }

    /** These options continuing after a previous page. */
    public ExecuteOptions withNextToken(String token) {
        return new ExecuteOptions(limit, Optional.of(token), consistentRead);
    }

    /** These options with a consistency choice. */
    public ExecuteOptions withConsistentRead(boolean consistent) {
        return new ExecuteOptions(limit, nextToken, consistent);
    }
}

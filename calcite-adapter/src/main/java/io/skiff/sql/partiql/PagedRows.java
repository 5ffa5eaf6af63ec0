package io.skiff.sql.partiql;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The rows of every page of a SELECT, read one page at a time: the next page is asked for, with
 * the previous page's NextToken, only when the rows of the current one are used up. Not
 * thread-safe; wrap it in an {@link io.skiff.sql.api.InterruptibleCursor} to stop it between rows.
 */
final class PagedRows implements io.skiff.sql.api.RowCursor {

    private final PartiqlStatement statement;
    private final List<AttributeValue> parameters;
    private final ItemRows rows;
    private Iterator<Item> page;
    private Optional<String> nextToken;
    private Object[] current;

    /** Starts from the first page, already read so that its errors surfaced at execution. */
    PagedRows(PartiqlStatement statement, List<AttributeValue> parameters, ItemRows rows, PartiqlResult first) {
        this.statement = statement;
        this.parameters = parameters;
        this.rows = rows;
        this.page = first.items().iterator();
        this.nextToken = first.nextToken();
    }

    @Override
    public boolean next() {
        while (!page.hasNext() && nextToken.isPresent()) {
            PartiqlResult result = statement.execute(parameters, ExecuteOptions.DEFAULT.withNextToken(nextToken.get()));
            page = result.items().iterator();
            nextToken = result.nextToken();
        }
        current = page.hasNext() ? rows.row(page.next()) : null;
        return current != null;
    }

    @Override
    public Object get(int column) {
        if (current == null) {
            throw new IllegalStateException("no current row");
        }
        return current[column];
    }

    @Override
    public void close() {
        page = java.util.Collections.emptyIterator();
        nextToken = Optional.empty();
        current = null;
    }

    /** Rows of items already in hand, such as a write's RETURNING item. */
    static PagedRows of(List<Item> items, ItemRows rows) {
        return new PagedRows(null, List.of(), rows, new PartiqlResult(items, Optional.empty()));
    }
}

package io.skiff.sql.partiql;

import io.skiff.core.error.Messages;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.MapValue;
import io.skiff.parser.partiql.Expr;
import io.skiff.parser.partiql.Position;
import io.skiff.parser.partiql.Statement;
import io.skiff.parser.partiql.StatementPrinter;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.TransactWriteItem;
import java.util.Optional;

/**
 * {@code INSERT INTO t VALUE {...}}: a put that storage refuses with {@code DUPLICATE_ITEM} when
 * an item with the same key exists, writing nothing.
 */
final class InsertCommand implements WriteCommand {

    private final Statement.Insert insert;
    private final TableSchema schema;
    private final ItemStore store;

    InsertCommand(Statement.Insert insert, TableSchema schema, ItemStore store) {
        this.insert = insert;
        this.schema = schema;
        this.store = store;
        // A struct written out in the statement can be checked now; parameters wait for their values.
        if (insert.item() instanceof Expr.Literal literal) {
            checkKeys(Item.of(((MapValue) literal.value()).values()));
        }
    }

    @Override
    public Statement.Insert statement() {
        return insert;
    }

    @Override
    public TableSchema schema() {
        return schema;
    }

    @Override
    public Optional<Expr> partitionKey() {
        if (!(insert.item() instanceof Expr.Struct struct)) {
            return Optional.empty();
        }
        return struct.fields().stream().filter(field -> field.name().equals(schema.partitionKey().name()))
                .map(Expr.Field::value).findFirst();
    }

    @Override
    public PartiqlResult execute(Binder binder, ExecuteOptions options, String text) {
        store.put(request(binder));
        return PartiqlResult.EMPTY;
    }

    @Override
    public TransactWriteItem transactItem(Binder binder) {
        return TransactWriteItem.put(request(binder));
    }

    private PutItem request(Binder binder) {
        AttributeValue value = binder.value(insert.item());
        if (!(value instanceof MapValue map)) {
            throw insert.item().position().invalid("INSERT takes one item, a struct such as {'pk': 'a'}; the"
                    + " value given is of type " + value.type());
        }
        return PutItem.insert(schema.name(), checkKeys(Item.of(map.values())));
    }

    /** The item, once it has every key attribute with the key's type. */
    private Item checkKeys(Item item) {
        checkKey(item, schema.partitionKey());
        schema.sortKey().ifPresent(sort -> checkKey(item, sort));
        return item;
    }

    private void checkKey(Item item, KeyAttribute key) {
        AttributeValue value = item.get(key.name());
        if (value == null) {
            throw insert.item().position().invalid("The item is missing the key attribute "
                    + Messages.quote(key.name()) + " of table '" + schema.name() + "'; an INSERT must give every"
                    + " key attribute");
        }
        if (value.type() != key.type()) {
            throw fieldPosition(key.name()).invalid("Key attribute " + Messages.quote(key.name()) + " of table '"
                    + schema.name() + "' has type " + key.type() + " but the item gives a value of type "
                    + value.type());
        }
    }

    /** Where the struct gives an attribute, or where the item starts. */
    private Position fieldPosition(String name) {
        if (insert.item() instanceof Expr.Struct struct) {
            for (Expr.Field field : struct.fields()) {
                if (field.name().equals(name)) {
                    return field.value().position();
                }
            }
        }
        return insert.item().position();
    }

    @Override
    public String explain() {
        return new PlanText().operator("PartiqlInsert", "table", schema.name(),
                "item", StatementPrinter.print(insert.item()), "condition", "no item has its key").toString();
    }
}

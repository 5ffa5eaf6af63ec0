package io.skiff.storage.api;

import io.skiff.core.expr.Condition;
import io.skiff.core.value.Item;
import java.util.Objects;

/**
 * One item of a write transaction: a put, update or delete (each with its own optional
 * condition), or a condition check that writes nothing.
 */
public sealed interface TransactWriteItem
        permits TransactWriteItem.Put, TransactWriteItem.Update, TransactWriteItem.Delete,
                TransactWriteItem.ConditionCheck {

    /** The table this item targets. */
    String table();

    static Put put(PutItem request) {
        return new Put(request);
    }

    static Update update(UpdateItem request) {
        return new Update(request);
    }

    static Delete delete(DeleteItem request) {
        return new Delete(request);
    }

    static ConditionCheck check(String table, Item key, Condition condition) {
        return new ConditionCheck(table, key, condition);
    }

    /** A put; its return values are ignored. */
    record Put(PutItem request) implements TransactWriteItem {
        public Put {
            Objects.requireNonNull(request, "request");
        }

        @Override
        public String table() {
            return request.table();
        }
    }

    /** An update; its return values are ignored. */
    record Update(UpdateItem request) implements TransactWriteItem {
        public Update {
            Objects.requireNonNull(request, "request");
        }

        @Override
        public String table() {
            return request.table();
        }
    }

    /** A delete; its return values are ignored. */
    record Delete(DeleteItem request) implements TransactWriteItem {
        public Delete {
            Objects.requireNonNull(request, "request");
        }

        @Override
        public String table() {
            return request.table();
        }
    }

    /** A condition that must hold on an item for the transaction to commit; writes nothing. */
    record ConditionCheck(String table, Item key, Condition condition) implements TransactWriteItem {
        public ConditionCheck {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(condition, "condition");
        }
    }
}

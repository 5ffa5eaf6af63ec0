package io.skiff.core.expr;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A value a condition compares or inspects: an item attribute, a literal, a size, or a named
 * function (a distance operator, say) of other operands.
 */
public sealed interface Operand permits Operand.Ref, Operand.Literal, Operand.Size, Operand.Call {

    /** The value at a document path of the item. */
    static Operand path(Path path) {
        return new Ref(path);
    }

    /** A constant. */
    static Operand value(AttributeValue value) {
        return new Literal(value);
    }

    /** A named function of other operands; see {@link Call}. */
    static Operand call(String name, List<Operand> arguments, Function function) {
        return new Call(name, arguments, function);
    }

    /** The size of the value at a document path; see {@link Size}. */
    static Operand size(Path path) {
        return new Size(path);
    }

    /** This operand's value for the item, or empty when it has none (a missing attribute). */
    Optional<AttributeValue> evaluate(Item item);

    /** The value at a document path; empty when the path does not resolve. */
    record Ref(Path path) implements Operand {

        public Ref {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Optional<AttributeValue> evaluate(Item item) {
            return path.resolve(item);
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** A constant value. */
    record Literal(AttributeValue value) implements Operand {

        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<AttributeValue> evaluate(Item item) {
            return Optional.of(value);
        }

        @Override
        public String toString() {
            return ValueText.render(value);
        }
    }

    /**
     * {@code size(path)}, an {@code N}: the number of characters (Unicode code points) of an
     * {@code S}, of bytes of a {@code B}, of elements of a set or {@code L}, of members of an
     * {@code M}. Empty when the path does not resolve or names a value of another type.
     */
    record Size(Path path) implements Operand {

        public Size {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Optional<AttributeValue> evaluate(Item item) {
            return path.resolve(item).flatMap(Size::sizeOf).<AttributeValue>map(AttributeValue::n);
        }

        private static Optional<Long> sizeOf(AttributeValue value) {
            long size;
            if (value instanceof StringValue s) {
                size = s.value().codePointCount(0, s.value().length());
            } else if (value instanceof BinaryValue b) {
                size = b.value().length();
            } else if (value instanceof StringSetValue ss) {
                size = ss.values().size();
            } else if (value instanceof NumberSetValue ns) {
                size = ns.values().size();
            } else if (value instanceof BinarySetValue bs) {
                size = bs.values().size();
            } else if (value instanceof ListValue l) {
                size = l.values().size();
            } else if (value instanceof MapValue m) {
                size = m.values().size();
            } else {
                return Optional.empty();
            }
            return Optional.of(size);
        }

        @Override
        public String toString() {
            return "size(" + path + ")";
        }
    }

    /** What a {@link Call} computes from its arguments' values. */
    @FunctionalInterface
    interface Function {
        /**
         * @param arguments the arguments' values in order; {@code null} for a missing one
         * @return the result, or empty when there is none (a missing input, say)
         */
        Optional<AttributeValue> apply(List<AttributeValue> arguments);
    }

    /**
     * A named function of other operands, such as {@code levenshtein(name, 'habibs')}: the layer
     * that resolved the name supplies what it computes, so conditions stay free of plugins.
     * Two calls are equal when their names and arguments are.
     */
    record Call(String name, List<Operand> arguments, Function function) implements Operand {

        public Call {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(function, "function");
        }

        @Override
        public Optional<AttributeValue> evaluate(Item item) {
            List<AttributeValue> values = new java.util.ArrayList<>(arguments.size());
            for (Operand argument : arguments) {
                values.add(argument.evaluate(item).orElse(null));
            }
            return function.apply(values);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Call call && call.name.equals(name) && call.arguments.equals(arguments);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, arguments);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(name).append('(');
            for (int i = 0; i < arguments.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(arguments.get(i));
            }
            return text.append(')').toString();
        }
    }
}

package io.skiff.functions;

import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Operand;
import io.skiff.core.value.AttributeValue;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The distance operators on the classpath, by name: Skiff's built-ins and any plugin's. Two
 * operators with one name are refused at load time, so a plugin cannot silently replace another.
 */
public final class DistanceOperators {

    private final NamedPlugins<DistanceOperator> plugins;

    private DistanceOperators(NamedPlugins<DistanceOperator> plugins) {
        this.plugins = plugins;
    }

    /** The operators {@code loader} can find. */
    public static DistanceOperators load(ClassLoader loader) {
        return new DistanceOperators(NamedPlugins.load(DistanceOperator.class, loader, DistanceOperator::name,
                "distance operators"));
    }

    /** The operators the class loader of this class can find. */
    public static DistanceOperators load() {
        return load(DistanceOperators.class.getClassLoader());
    }

    /**
     * The operators of this class's class loader, found once per process: every caller that does
     * not choose its own loader shares them.
     */
    public static DistanceOperators shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final DistanceOperators INSTANCE = load();
    }

    /** The operator called {@code name}, in any case. */
    public Optional<DistanceOperator> find(String name) {
        return plugins.find(name);
    }

    /**
     * A condition operand computing the operator {@code name} over two operands: a number, or
     * nothing when an input is missing or {@code NULL}.
     *
     * @throws SkiffException {@code VALIDATION_ERROR} for an unknown name or not two arguments
     */
    public Operand call(String name, List<Operand> arguments) {
        DistanceOperator operator = find(name).orElseThrow(() -> SkiffException.validation(
                "Unknown distance function '" + name + "'"));
        if (arguments.size() != 2) {
            throw SkiffException.validation(operator.name() + " takes 2 arguments (" + operator.arguments() + "), not "
                    + arguments.size());
        }
        return Operand.call(operator.name(), arguments, values -> {
            OptionalDouble distance = operator.distance(values.get(0), values.get(1));
            return distance.isPresent()
                    ? Optional.of(AttributeValue.n(BigDecimal.valueOf(distance.getAsDouble())))
                    : Optional.empty();
        });
    }

    /** Every operator, in name order. */
    public Collection<DistanceOperator> all() {
        return plugins.all();
    }
}

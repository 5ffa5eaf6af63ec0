package com.example.skiffplugin;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.StringValue;
import io.skiff.functions.DistanceOperator;
import java.util.OptionalDouble;

/** A third party's operator, known to Skiff only through its service file. */
public final class LengthDifference implements DistanceOperator {

    @Override
    public String name() {
        return "length_difference";
    }

    @Override
    public String arguments() {
        return "two strings";
    }

    @Override
    public OptionalDouble distance(AttributeValue a, AttributeValue b) {
        if (a instanceof StringValue s && b instanceof StringValue t) {
            return OptionalDouble.of(Math.abs(s.value().length() - t.value().length()));
        }
        return OptionalDouble.empty();
    }
}

package com.example.skiffplugin;

import io.skiff.core.value.AttributeValue;
import io.skiff.functions.DistanceOperator;
import java.util.OptionalDouble;

/** A plugin that claims a built-in's name; registered only by the test that expects it refused. */
public final class ImpostorLevenshtein implements DistanceOperator {

    @Override
    public String name() {
        return "Levenshtein";
    }

    @Override
    public String arguments() {
        return "anything";
    }

    @Override
    public OptionalDouble distance(AttributeValue a, AttributeValue b) {
        return OptionalDouble.of(0);
    }
}

package com.example.skiffplugin;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.StringValue;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugin;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A third party's index plugin, known to Skiff only through its service file: strings by first letter. */
public final class FirstLetterIndex implements IndexPlugin, TermIndex {

    @Override
    public String name() {
        return "first_letter";
    }

    @Override
    public String description() {
        return "strings by their first letter";
    }

    @Override
    public IndexMethod configure(Map<String, String> options) {
        return this;
    }

    @Override
    public Map<String, String> options() {
        return Map.of();
    }

    @Override
    public boolean exact() {
        return true;
    }

    @Override
    public List<byte[]> terms(AttributeValue value) {
        return value instanceof StringValue s && !s.value().isEmpty() ? List.of(first(s.value())) : List.of();
    }

    @Override
    public Optional<Probe> probe(IndexPredicate predicate) {
        return predicate instanceof IndexPredicate.Prefix p && !p.prefix().isEmpty()
                ? Optional.of(new Probe.Terms(List.of(first(p.prefix())), 1))
                : Optional.empty();
    }

    private static byte[] first(String text) {
        return new String(Character.toChars(text.codePointAt(0))).getBytes(StandardCharsets.UTF_8);
    }
}

package io.skiff.functions;

import java.util.Map;

/**
 * A kind of index: a way to file items under terms or in a filter so that a predicate reads a few
 * candidates instead of a whole table. Implementations are stateless and thread-safe, and are found
 * with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.skiff.functions.IndexPlugin}), like distance operators. A plugin
 * only computes: storage keeps what it computes and the planner decides when to ask.
 */
public interface IndexPlugin {

    /** The plugin's name in {@code CREATE INDEX ... USING name}, lower case, e.g. {@code trigram}. */
    String name();

    /** What it indexes and which predicates it narrows, in one line, for documentation and {@code \d}. */
    String description();

    /**
     * An index of this kind with the given {@code WITH (key = value, ...)} options.
     *
     * @param options option names (lower case) to their values as text; options left out take the
     *        plugin's documented defaults
     * @throws io.skiff.core.error.SkiffException {@code VALIDATION_ERROR} naming the plugin and the
     *         option for an unknown option, a missing required one or a value out of range
     */
    IndexMethod configure(Map<String, String> options);
}

package io.skiff.functions;

import io.skiff.core.value.AttributeValue;
import java.util.List;
import java.util.Optional;

/**
 * An index that files each item under zero or more terms; storage keeps one posting list per term,
 * ordered by the term's unsigned bytes, so terms that share a prefix are one range scan.
 */
public non-sealed interface TermIndex extends IndexMethod {

    /**
     * The terms to file a value under.
     *
     * @param value the attribute's value; {@code null} when the attribute is missing
     * @return distinct byte arrays, none repeated; empty when the value is missing, {@code NULL} or
     *         of a type this index does not take. Never throws for a wrong type: such items are
     *         simply not in the index, which is why {@link #probe} only answers for predicates
     *         whose matches are all indexed.
     */
    List<byte[]> terms(AttributeValue value);

    /**
     * Where the candidates for a predicate are.
     *
     * @return empty when this index cannot narrow the predicate (another operator, an argument of
     *         a type it does not take, or a bound so loose that nearly everything matches): the
     *         planner then scans
     */
    Optional<Probe> probe(IndexPredicate predicate);

    /**
     * Whether {@link #probe} narrows predicates of a kind, for the planner to consider this index
     * for them: a distance operator's name (for {@link IndexPredicate.WithinDistance} and
     * {@link IndexPredicate.Nearest}), {@value #EQUALS} or {@value #PREFIX}. The probe may still
     * decline one particular argument; the plan then scans. The default says yes to everything,
     * so a plugin that does not answer is still tried.
     */
    default boolean narrows(String kind) {
        return true;
    }

    /** The kind of {@link IndexPredicate.Equals} for {@link #narrows}. */
    String EQUALS = "=";
    /** The kind of {@link IndexPredicate.Prefix} for {@link #narrows}. */
    String PREFIX = "prefix";
}

package io.skiff.core.value;

import io.skiff.core.error.SkiffException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** The rules every set type shares: not empty, no duplicates, no nulls; iteration order kept. */
final class SetValues {

    private SetValues() {
    }

    static <T> Set<T> copyOf(Collection<? extends T> elements, AttributeType type) {
        Objects.requireNonNull(elements, type + " elements");
        if (elements.isEmpty()) {
            throw SkiffException.validation("An " + type + " set may not be empty");
        }
        LinkedHashSet<T> copy = new LinkedHashSet<>();
        for (T element : elements) {
            if (element == null) {
                throw SkiffException.validation("An " + type + " set may not contain null");
            }
            if (!copy.add(element)) {
                throw SkiffException.validation("An " + type + " set may not contain duplicates; "
                        + describe(element) + " occurs more than once");
            }
        }
        return Collections.unmodifiableSet(copy);
    }

    /** Re-checks a set the record constructor received, which may already be a copy of ours. */
    static <T> Set<T> checked(Set<T> elements, AttributeType type) {
        Objects.requireNonNull(elements, type + " elements");
        if (elements.isEmpty()) {
            throw SkiffException.validation("An " + type + " set may not be empty");
        }
        return copyOf(elements, type);
    }

    private static String describe(Object element) {
        return element instanceof NumberValue n ? n.toText() : "'" + element + "'";
    }
}

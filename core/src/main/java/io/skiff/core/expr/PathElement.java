package io.skiff.core.expr;

import io.skiff.core.error.SkiffException;
import java.util.Objects;

/** One step of a {@link Path}: a map member by name, or a list element by position. */
public sealed interface PathElement permits PathElement.Name, PathElement.Index {

    /** A member of a map (or, as a path's first element, a top-level attribute). */
    record Name(String name) implements PathElement {

        public Name {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw SkiffException.validation("An attribute name in a document path may not be empty");
            }
        }

        @Override
        public String toString() {
            return PathText.name(name);
        }
    }

    /** An element of a list, counted from 0. */
    record Index(int index) implements PathElement {

        public Index {
            if (index < 0) {
                throw SkiffException.validation("A list index in a document path may not be negative: " + index);
            }
        }

        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }
}

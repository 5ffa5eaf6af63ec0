package io.skiff.core.value;

import io.skiff.core.error.Messages;

/**
 * Where a nested value sits inside an item, such as {@code address.tags[2]}, for error messages.
 * Immutable and linked to its parent, so walking an item allocates one small node per level and
 * renders text only when something is actually wrong.
 */
final class DocumentPath {

    static final DocumentPath ROOT = new DocumentPath(null, null, -1);

    private final DocumentPath parent;
    private final String name;
    private final int index;

    private DocumentPath(DocumentPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** The path of a named attribute inside the map at this path. */
    DocumentPath name(String attributeName) {
        return new DocumentPath(this, attributeName, -1);
    }

    /** The path of a list element inside the list at this path. */
    DocumentPath index(int position) {
        return new DocumentPath(this, null, position);
    }

    boolean isRoot() {
        return parent == null;
    }

    @Override
    public String toString() {
        if (isRoot()) {
            return "";
        }
        StringBuilder text = new StringBuilder(parent.toString());
        if (name == null) {
            text.append('[').append(index).append(']');
        } else {
            if (!parent.isRoot()) {
                text.append('.');
            }
            text.append(Messages.abbreviate(name));
        }
        return text.toString();
    }
}

package io.skiff.jdbc;

import java.sql.SQLException;

/** {@link java.sql.Wrapper} for driver objects that wrap nothing: they unwrap only to what they are. */
final class Wrappers {

    private Wrappers() {
    }

    static <T> T unwrap(Object self, Class<T> type) throws SQLException {
        if (type != null && type.isInstance(self)) {
            return type.cast(self);
        }
        throw DriverErrors.of(DriverErrors.INVALID_ARGUMENT, self.getClass().getSimpleName() + " does not wrap "
                + (type == null ? "null" : type.getName()));
    }

    static boolean isWrapperFor(Object self, Class<?> type) {
        return type != null && type.isInstance(self);
    }
}

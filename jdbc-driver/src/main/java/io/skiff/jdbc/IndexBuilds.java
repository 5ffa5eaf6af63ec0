package io.skiff.jdbc;

import java.sql.SQLException;
import java.util.List;

/**
 * The index builds running in a Skiff connection's database, for tools that show a
 * {@code CREATE INDEX}'s progress while it runs: {@code connection.unwrap(IndexBuilds.class)}.
 * Embedded, they are the builds of the engine in this JVM; remote, those of the server the
 * connection talks to (on a cluster, of that node's own replicas).
 */
public interface IndexBuilds {

    /**
     * The builds running now, oldest first, each with its count at the time of the call; empty
     * when none runs. Safe to call from any thread, also while another thread of the same
     * connection is executing the {@code CREATE INDEX} being watched: it does not wait for it.
     *
     * @throws SQLException SQLState 08003 on a closed connection; a remote failure as for any call
     */
    List<IndexBuild> indexBuilds() throws SQLException;
}

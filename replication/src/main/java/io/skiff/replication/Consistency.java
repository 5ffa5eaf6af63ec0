package io.skiff.replication;

/** How fresh a read must be. */
public enum Consistency {
    /**
     * Read this replica's data as it is: it may trail the leader, but never shows a write that
     * was not committed, and always shows the writes made through this replica.
     */
    EVENTUAL,
    /** Linearizable: first learn the leader's commit index, wait until it is applied here, then read. */
    STRONG
}

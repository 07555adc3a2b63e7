package net.linuxha.common.app;

/** Why clstartapp refused to start an application (Reference 22.4), and what would have let it. */
public enum RefusalReason {
    /** Decision 2.1: the remote node is down; {@code --force} needed. */
    REMOTE_DOWN_NEEDS_FORCE,
    /** Decision 1.5: the nodes' STALE flags differ and the TIME files do not decide; {@code --force} needed. */
    FLAGS_DISAGREE_NEEDS_FORCE,
    /** Decision 3.1: no replication channel and no TIME file on either node; {@code --force} needed. */
    NO_TIME_NEEDS_FORCE,
    /** Decision 4.1: the application may still run on the pingable remote node; {@code --force} needed. */
    REMOTE_MAY_BE_LIVE_NEEDS_FORCE,
    /** Decisions 2.3, 3.4, 4.3: the local copy is stale and the remote cannot supply data; reallyforce needed. */
    LOCAL_DATA_STALE,
    /** Decision 1 with both copies of a file system flagged stale (11.2 "unknown state"); reallyforce needed. */
    NO_CURRENT_COPY,
    /** 11.2: the local cluster daemon did not answer; {@code --force} needed. */
    CLUSTER_DAEMON_UNREACHABLE
}

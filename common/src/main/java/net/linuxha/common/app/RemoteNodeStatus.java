package net.linuxha.common.app;

/**
 * What {@code remote_node_available} found out about the other node before an application starts (Reference 22.3);
 * {@link #code()} is the Reference's first return value.
 */
public enum RemoteNodeStatus {
    /** 0: both nodes up and the data replication (DRBD) network working. */
    CLUSTER_UP(0),
    /** 1: the remote node appears completely down. */
    REMOTE_DOWN(1),
    /** 2: the remote node answers ssh, but the replication network is not working. */
    NO_REPLICATION_CHANNEL(2),
    /** 3: the remote node answers ping, but no network offers ssh. */
    PING_ONLY(3);

    private final int code;

    RemoteNodeStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RemoteNodeStatus fromCode(int code) {
        for (RemoteNodeStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("remote_node_available code " + code + " is not one of 0, 1, 2, 3");
    }
}

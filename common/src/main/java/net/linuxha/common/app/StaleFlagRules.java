package net.linuxha.common.app;

import java.util.Collection;

/** When STALE flags are written outside the start decisions themselves (Reference 22.4.2, 22.4.3). */
public final class StaleFlagRules {

    private StaleFlagRules() {
    }

    /**
     * The flags recording that {@code remoteNode} misses every update while the application runs without it:
     * {@code VG.LV.remoteNode.STALE} for each file system (22.4.3).
     */
    public static StaleFlags remoteMissesUpdates(Collection<FileSystemId> fileSystems, String remoteNode) {
        return StaleFlags.of(fileSystems.stream().map(fs -> new StaleFlag(fs, remoteNode)).toList());
    }

    /**
     * The flags a halt writes. A clean shutdown (remote node up and replicating) changes none: any flags left by
     * an unfinished synchronisation stay until fsmonitor clears them. Otherwise the remote copies are marked stale
     * (22.4.3), on this node, and on the remote node too when it can be reached by ssh.
     */
    public static HaltFlags onHalt(RemoteNodeStatus remoteStatus, Collection<FileSystemId> fileSystems,
            String remoteNode, StaleFlags localFlags) {
        if (remoteStatus == RemoteNodeStatus.CLUSTER_UP) {
            return new HaltFlags(FlagUpdate.none(), false);
        }
        StaleFlags target = localFlags.plus(remoteMissesUpdates(fileSystems, remoteNode));
        return new HaltFlags(FlagUpdate.between(localFlags, target),
                remoteStatus == RemoteNodeStatus.NO_REPLICATION_CHANNEL);
    }

    /**
     * @param local      the update for this node's status directory (only writes, never deletes)
     * @param alsoRemote write the same flags on the remote node (it answers ssh)
     */
    public record HaltFlags(FlagUpdate local, boolean alsoRemote) {
    }
}

package net.linuxha.common.storage;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import net.linuxha.common.shell.DrbdResourceStatus;
import net.linuxha.common.storage.FileSystemState.SyncState;
import net.linuxha.common.storage.FileSystemState.Valid;

/** Pure: turns one resource's {@code drbdsetup status --json} into the clstat -A columns (11.3.1). */
public final class FileSystemStates {

    /** Replication states in which a resync runs or is about to (DRBD 9 {@code repl_state}). */
    static final Set<String> SYNCING = Set.of("SyncSource", "SyncTarget", "PausedSyncS", "PausedSyncT",
            "StartingSyncS", "StartingSyncT", "WFBitMapS", "WFBitMapT", "WFSyncUUID");

    private FileSystemStates() {
    }

    /**
     * @param status   the resource's status on this node; empty when it is not started here
     * @param timeLeft from a {@link SyncEstimator}, when one has seen the resync progress
     */
    public static FileSystemState of(FsMapEntry fs, String resource, Optional<DrbdResourceStatus> status,
                                     Optional<Duration> timeLeft) {
        if (status.isEmpty()) {
            return new FileSystemState(fs.mountPoint(), resource, Valid.UNKNOWN, SyncState.DOWN, OptionalDouble.empty(),
                    Optional.empty());
        }
        boolean localGood = status.get().device(0).map(d -> "UpToDate".equals(d.diskState())).orElse(false);
        Optional<DrbdResourceStatus.PeerDevice> peer = peerDevice(status.get());
        boolean peerGood = peer.map(p -> "UpToDate".equals(p.peerDiskState())).orElse(false);
        boolean syncing = peer.map(p -> SYNCING.contains(p.replicationState())).orElse(false);
        Valid valid = localGood && peerGood ? Valid.BOTH : localGood ? Valid.LOCAL : peerGood ? Valid.REMOTE
                : Valid.NONE;
        if (syncing) {
            DrbdResourceStatus.PeerDevice p = peer.get();
            double pct = p.percentResyncDone().isPresent() ? p.percentResyncDone().getAsDouble() : p.percentInSync();
            return new FileSystemState(fs.mountPoint(), resource, valid, SyncState.SYNCING, OptionalDouble.of(pct),
                    timeLeft);
        }
        SyncState state = valid == Valid.BOTH ? SyncState.SYNC : SyncState.UNSYNC;
        return new FileSystemState(fs.mountPoint(), resource, valid, state, OptionalDouble.empty(), Optional.empty());
    }

    /** Volume 0 towards the (only) peer, if a connection to it is configured. */
    static Optional<DrbdResourceStatus.PeerDevice> peerDevice(DrbdResourceStatus status) {
        return status.connections().stream().flatMap(c -> c.peerDevices().stream()).filter(p -> p.volume() == 0)
                .findFirst();
    }

    /** The out-of-sync amount of volume 0 towards the peer, in KiB (0 without a peer device). */
    static long outOfSyncKib(DrbdResourceStatus status) {
        return peerDevice(status).map(DrbdResourceStatus.PeerDevice::outOfSyncKib).orElse(0L);
    }
}

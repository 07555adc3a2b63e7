package net.linuxha.cluster.app;

import java.util.List;
import java.util.Optional;

import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.config.ConfigException;

/**
 * What the cluster daemon needs of an application's replicated file systems on this node: CHECK_DRBD, START_DRBD,
 * STOP_DRBD, START_SYNC and APP_STATUS lvinfo=yes (25.4). The seam between those requests and the storage layer:
 * {@link DrbdStorageView} is the production one, over {@link net.linuxha.common.storage.ApplicationStorage}; the
 * daemon's tests record the calls.
 *
 * <p>Every method blocks (drbdadm, drbdsetup): call it from the daemon's I/O executor, never from the event loop or
 * the state thread. A missing or invalid fsmap is a {@link ConfigException} naming the file; a DRBD command that
 * fails throws {@link net.linuxha.common.storage.StorageException} with the fix; a vg/lv that is not in the fsmap
 * throws {@link NoSuchVolumeException}.
 */
public interface StorageView {

    /** The file systems of {@code application} in fsmap order, with their DRBD state here. */
    List<VolumeInfo> volumes(String application) throws ConfigException;

    /** Starts (drbdadm up, meta data first if missing) this node's DRBD resources: all, or {@code only}. */
    void start(String application, Optional<FileSystemId> only) throws ConfigException;

    /** Stops (drbdadm down) this node's DRBD resources: all, or {@code only}. */
    void stop(String application, Optional<FileSystemId> only) throws ConfigException;

    /** {@code drbdadm invalidate-remote}: this node's copy of {@code fs} is the source; the peer's is resynced. */
    void invalidateRemote(String application, FileSystemId fs) throws ConfigException;
}

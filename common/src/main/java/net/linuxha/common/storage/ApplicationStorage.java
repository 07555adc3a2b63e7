package net.linuxha.common.storage;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.shell.CommandRunner;

/**
 * The storage of an application: its replicated file systems (fsmap, 8.7), each a DRBD 9 resource on a logical
 * volume (docs/storage.md). The one API clbuildapp, clstartapp, clhaltapp, clstat and drbd_tool use; each method is
 * one job, run on this node and, where it says so, on the peer over ssh.
 *
 * <p>A start (11.1, 22.4.1) is {@link #bringUp} (BOTH), {@link #makePrimary}, {@link #fsckAndMount}; a halt (11.4)
 * is {@link #unmount}, {@link #makeSecondary}, {@link #takeDown} (BOTH). Failures throw {@link StorageException}
 * with the fix in the message; a missing or broken fsmap is a {@link ConfigException}.
 */
public final class ApplicationStorage {

    private final StorageContext ctx;

    public ApplicationStorage(StorageContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** Production wiring for this node of the cluster. */
    public static ApplicationStorage open(ClusterSetup setup, CommandRunner runner) throws ConfigException {
        return new ApplicationStorage(StorageContext.of(setup, runner));
    }

    public StorageContext context() {
        return ctx;
    }

    /** The application's fsmap; a ConfigException naming the file when it is missing (not built) or invalid. */
    public FsMap fsmap(String application) throws ConfigException {
        return FsMap.load(ctx.paths(), application);
    }

    /**
     * clbuildapp --build: writes the DRBD resource files of every file system in the fsmap, here and on the peer.
     *
     * @param syncRateKb appconf {@code syncrate}
     */
    public List<DrbdResourceFile> configure(String application, ClusterConfig config, int syncRateKb,
                                            ReplicationSlots slots) throws ConfigException {
        return new DrbdConfigurator(ctx).configure(fsmap(application), config, syncRateKb, slots);
    }

    /**
     * Starts the DRBD resources (meta data created first on a new volume) here, then with {@link Scope#BOTH} on
     * the peer.
     *
     * @return false when the peer's devices could not be started (logged as WARN; the local ones run)
     */
    public boolean bringUp(String application, Scope scope) throws ConfigException {
        return new DrbdStartup(ctx).bringUp(fsmap(application), scope);
    }

    /** Makes this node's devices primary; {@link PrimaryMode#forStart} says when forcing is allowed. */
    public void makePrimary(String application, PrimaryMode mode) throws ConfigException {
        new DrbdRoles(ctx).makePrimary(fsmap(application), mode);
    }

    /** {@code fsck -a} (exit 4 or more aborts) and mount on each mount point, created if missing. */
    public void fsckAndMount(String application) throws ConfigException {
        new FileSystems(ctx).fsckAndMount(fsmap(application));
    }

    /** Unmounts, retrying a busy file system until {@code maxDelay}, then killing its users (fuser -km). */
    public void unmount(String application, Duration maxDelay) throws ConfigException, InterruptedException {
        new FileSystems(ctx).unmount(fsmap(application), maxDelay);
    }

    public void makeSecondary(String application) throws ConfigException {
        new DrbdRoles(ctx).makeSecondary(fsmap(application));
    }

    /**
     * Stops the DRBD resources here, then with {@link Scope#BOTH} on the peer.
     *
     * @return false when the peer's devices could not be stopped (logged as WARN)
     */
    public boolean takeDown(String application, Scope scope) throws ConfigException {
        return new DrbdShutdown(ctx).takeDown(fsmap(application), scope);
    }

    /**
     * clbuildapp --sync: this node's copies become the source and the peer is brought in sync; {@code progress}
     * receives every sample (percent and estimated time left per file system). Leaves the devices started,
     * primary here; call {@link #takeDown} with BOTH afterwards.
     */
    public List<FileSystemState> syncFrom(String application, SyncOptions options,
                                          Consumer<List<FileSystemState>> progress)
            throws ConfigException, InterruptedException {
        return new Synchroniser(ctx).syncFrom(fsmap(application), options, progress);
    }

    /** clstat -A "File Systems" (11.3.1): valid copy, sync state, percent and time left, as seen here. */
    public List<FileSystemState> fileSystems(String application) throws ConfigException, InterruptedException {
        return new StatusReader(ctx).query(fsmap(application));
    }

    /** Grows one file system to {@code newSizeKb} on both nodes, on-line (18.3.1); returns the updated fsmap. */
    public FsMap resize(String application, FileSystemId fs, long newSizeKb) throws ConfigException {
        return new VolumeGrowth(ctx).resize(fsmap(application), fs, newSizeKb);
    }

    /** drbd_tool --action resize (18.3.2): the volumes grew on both nodes; grow the devices and file systems. */
    public FsMap resizeToDisks(String application) throws ConfigException {
        return new VolumeGrowth(ctx).resizeToDisks(fsmap(application));
    }

    /** The peer's copy of one file system (or all) is declared invalid and fully resynchronised (18.3.3). */
    public void invalidateRemote(String application, Optional<FileSystemId> fs) throws ConfigException {
        new Synchroniser(ctx).invalidateRemote(fsmap(application), fs);
    }
}

package net.linuxha.cluster.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.DrbdDriver;
import net.linuxha.common.shell.DrbdResourceStatus;
import net.linuxha.common.storage.ApplicationStorage;
import net.linuxha.common.storage.DrbdResourceName;
import net.linuxha.common.storage.FileSystemState;
import net.linuxha.common.storage.FileSystemStates;
import net.linuxha.common.storage.FsMap;
import net.linuxha.common.storage.FsMapEntry;
import net.linuxha.common.storage.Scope;
import net.linuxha.common.storage.StorageException;

/**
 * The production {@link StorageView}: {@link ApplicationStorage} for whole applications (bringUp / takeDown with
 * {@link Scope#LOCAL}, invalidateRemote), this node's {@link DrbdDriver} for one volume and for the lvinfo columns
 * (minor, role, sizes) that the storage layer's clstat view does not carry.
 */
public final class DrbdStorageView implements StorageView {

    private final ApplicationStorage storage;
    private final Clock clock;
    private final SyncRate rates = new SyncRate();

    public DrbdStorageView(ApplicationStorage storage, Clock clock) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** This node's storage, DRBD through the shell layer. */
    public static DrbdStorageView open(ClusterSetup setup, CommandRunner runner, Clock clock)
            throws ConfigException {
        return new DrbdStorageView(ApplicationStorage.open(setup, runner), clock);
    }

    @Override
    public List<VolumeInfo> volumes(String application) throws ConfigException {
        FsMap fsmap = storage.fsmap(application);
        List<VolumeInfo> volumes = new ArrayList<>();
        for (FsMapEntry fs : fsmap.entries()) {
            String resource = DrbdResourceName.of(application, fs);
            Optional<DrbdResourceStatus> status = drbd().status(resource);
            FileSystemState columns = FileSystemStates.of(fs, resource, status, Optional.empty());
            volumes.add(info(fs, resource, status, columns));
        }
        return volumes;
    }

    private VolumeInfo info(FsMapEntry fs, String resource, Optional<DrbdResourceStatus> status,
                            FileSystemState columns) {
        if (status.isEmpty()) {
            return new VolumeInfo(fs.id(), OptionalInt.empty(), "stopped", "unknown", "unsync", Optional.empty());
        }
        Optional<DrbdResourceStatus.Device> device = status.get().device(0);
        OptionalInt minor = device.map(d -> OptionalInt.of(d.minor())).orElse(OptionalInt.empty());
        String state = status.get().isPrimary() ? "active" : "inactive";
        String action = columns.state().label().toLowerCase(java.util.Locale.ROOT);
        if (columns.state() != FileSystemState.SyncState.SYNCING) {
            return new VolumeInfo(fs.id(), minor, state, columns.valid().label(), action, Optional.empty());
        }
        long total = device.flatMap(DrbdResourceStatus.Device::sizeKib).orElse(fs.sizeKb());
        long outOfSync = status.get().connections().stream().flatMap(c -> c.peerDevices().stream())
                .filter(p -> p.volume() == 0).mapToLong(DrbdResourceStatus.PeerDevice::outOfSyncKib).findFirst()
                .orElse(0L);
        OptionalDouble rate = rates.sample(resource, clock.instant(), outOfSync);
        VolumeInfo.Progress progress = new VolumeInfo.Progress(Math.max(0, total - outOfSync), total, rate,
                SyncRate.estimateMinutes(outOfSync, rate));
        return new VolumeInfo(fs.id(), minor, state, columns.valid().label(), action, Optional.of(progress));
    }

    @Override
    public void start(String application, Optional<FileSystemId> only) throws ConfigException {
        if (only.isEmpty()) {
            storage.bringUp(application, Scope.LOCAL);
            return;
        }
        String resource = resource(application, only.get());
        if (drbd().status(resource).isPresent()) {
            return;
        }
        if (!drbd().hasMetadata(resource)) {
            drbd().createMetadata(resource);
        }
        drbd().up(resource);
    }

    @Override
    public void stop(String application, Optional<FileSystemId> only) throws ConfigException {
        if (only.isEmpty()) {
            storage.takeDown(application, Scope.LOCAL);
            return;
        }
        String resource = resource(application, only.get());
        if (drbd().status(resource).isPresent()) {
            drbd().down(resource);
        }
    }

    @Override
    public void invalidateRemote(String application, FileSystemId fs) throws ConfigException {
        resource(application, fs);
        storage.invalidateRemote(application, Optional.of(fs));
    }

    private String resource(String application, FileSystemId fs) throws ConfigException {
        FsMap fsmap = storage.fsmap(application);
        FsMapEntry entry = fsmap.entry(fs).orElseThrow(() -> new NoSuchVolumeException("Application " + application
                + " has no file system " + fs.vg() + "/" + fs.lv() + " in its fsmap " + storage.context().paths()
                .fsmap(application) + "; name one of " + fsmap.entries().stream().map(e -> e.vg() + "/" + e.lv())
                .toList()));
        return DrbdResourceName.of(application, entry);
    }

    private DrbdDriver drbd() {
        return storage.context().local().drbd();
    }
}

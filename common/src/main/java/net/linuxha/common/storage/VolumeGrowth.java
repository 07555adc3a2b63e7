package net.linuxha.common.storage;

import java.io.IOException;
import java.util.Optional;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.DrbdResourceStatus;
import net.linuxha.common.shell.LogicalVolume;
import net.linuxha.common.shell.MountEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job: grow a replicated file system (18.3): the logical volume on both nodes ({@code lvextend}), the DRBD device
 * ({@code drbdadm resize} on the primary), then the mounted file system; the fsmap records the new size on both
 * nodes. The file system grows once, on the primary; DRBD replicates the result to the peer.
 */
final class VolumeGrowth {

    private static final Logger LOG = LoggerFactory.getLogger(VolumeGrowth.class);

    private final StorageContext ctx;

    VolumeGrowth(StorageContext ctx) {
        this.ctx = ctx;
    }

    /** Grows one file system to {@code newSizeKb} (the logical volumes are extended where smaller). */
    FsMap resize(FsMap fsmap, FileSystemId id, long newSizeKb) {
        FsMapEntry fs = fsmap.entry(id).orElseThrow(() -> new StorageException("Application "
                + fsmap.application() + " has no file system " + id + " in its fsmap; name one of its volumes"));
        Volume v = Volume.of(fsmap.application(), fs);
        DrbdResourceStatus status = requirePrimary(v, fsmap.application());
        for (StorageNode node : new StorageNode[] {ctx.local(), ctx.peer()}) {
            LogicalVolume lv = node.lvm().logicalVolume(fs.vg(), fs.lv()).orElseThrow(() -> new StorageException(
                    "Logical volume " + id + " does not exist on " + node.name() + "; run clbuildapp --vgbuild"));
            if (lv.sizeBytes() < newSizeKb * 1024) {
                node.lvm().extend(fs.vg(), fs.lv(), newSizeKb * 1024);
                LOG.info("VG/LV {} extended to {}Kb on {}", id, newSizeKb, node.name());
            } else if (lv.sizeBytes() > newSizeKb * 1024) {
                throw new StorageException("Logical volume " + id + " on " + node.name() + " is already larger ("
                        + lv.sizeBytes() / 1024 + " KiB) than " + newSizeKb + " KiB; DRBD devices only grow "
                        + "(18.3.3 describes the off-line reduction)");
            }
        }
        return growDevice(fsmap, v, status);
    }

    /** After the logical volumes grew on both nodes (18.3.2): grows every DRBD device and mounted file system. */
    FsMap resizeToDisks(FsMap fsmap) {
        FsMap updated = fsmap;
        for (Volume v : Volume.all(fsmap, ctx)) {
            updated = growDevice(updated, v, requirePrimary(v, fsmap.application()));
        }
        return updated;
    }

    private FsMap growDevice(FsMap fsmap, Volume v, DrbdResourceStatus status) {
        FsMapEntry fs = v.fs();
        ctx.local().drbd().resize(v.resource());
        LOG.info("DRBD device of {} resized.", fs.id());
        String device = Volume.device(status);
        Optional<MountEntry> mounted = ctx.mount().mountAt(fs.mountPoint());
        if (mounted.isPresent() && mounted.get().source().equals(device)) {
            ctx.grow().grow(fs.fsType(), device, fs.mountPoint());
            LOG.info("File system {} grown to fill {}.", fs.mountPoint(), device);
        } else if (mounted.isEmpty()) {
            ctx.grow().growUnmounted(fs.fsType(), device);
            LOG.info("File system on {} ({}) grown off-line.", device, fs.mountPoint());
        } else {
            throw new StorageException(mounted.get().source() + " is mounted on " + fs.mountPoint() + " instead of "
                    + device + "; the DRBD device grew but its file system was not grown: unmount "
                    + fs.mountPoint() + " and resize again");
        }
        long sizeKb = ctx.local().lvm().logicalVolume(fs.vg(), fs.lv()).map(lv -> lv.sizeBytes() / 1024)
                .orElse(fs.sizeKb());
        FsMap updated = fsmap.with(new FsMapEntry(fs.vg(), fs.lv(), fs.mountPoint(), fs.fsType(), fs.options(),
                sizeKb));
        writeBoth(updated);
        return updated;
    }

    private void writeBoth(FsMap fsmap) {
        try {
            fsmap.write(ctx.paths());
        } catch (IOException e) {
            throw new StorageException("Cannot write the fsmap " + ctx.paths().fsmap(fsmap.application()) + ": "
                    + e.getMessage() + "; rerun clbuildapp --build to record the new size", e);
        }
        CommandResult copy = ctx.peerShell().copyTo(ctx.paths().fsmap(fsmap.application()),
                ctx.paths().fsmap(fsmap.application()).toString(), StorageContext.PEER_TIMEOUT);
        if (!copy.succeeded()) {
            LOG.warn("Could not copy the fsmap of {} to {}: {}; rerun clbuildapp --build when it is reachable",
                    fsmap.application(), ctx.peer().name(), copy.describeFailure());
        }
    }

    private DrbdResourceStatus requirePrimary(Volume v, String application) {
        DrbdResourceStatus status = ctx.local().drbd().status(v.resource()).orElseThrow(() -> new StorageException(
                "DRBD resource " + v.resource() + " is not started on " + ctx.local().name() + "; start the "
                        + "application (or drbd_tool --application " + application + " --action start) first"));
        if (!status.isPrimary()) {
            throw new StorageException("DRBD resource " + v.resource() + " is not primary on " + ctx.local().name()
                    + "; resize on the node running application " + application + " (or run drbd_tool "
                    + "--action set_primary first)");
        }
        return status;
    }
}

package net.linuxha.common.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.linuxha.common.shell.DrbdResourceStatus;
import net.linuxha.common.shell.FsckResult;
import net.linuxha.common.shell.MountDriver.UnmountOutcome;
import net.linuxha.common.shell.MountEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job: check and mount an application's file systems on their DRBD devices, and unmount them (22.4.1, 11.4).
 * Mounting goes parents first; unmounting children first.
 */
final class FileSystems {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystems.class);
    /** fsck's "errors left uncorrected" bit: from here on the start aborts (22.4.1). */
    static final int FSCK_ABORT_AT = 4;
    static final Duration RETRY = Duration.ofSeconds(1);
    /** After {@code fuser -km}: how long the killed processes get to let go of the file system. */
    static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private final StorageContext ctx;

    FileSystems(StorageContext ctx) {
        this.ctx = ctx;
    }

    void fsckAndMount(FsMap fsmap) {
        for (FsMapEntry fs : fsmap.mountOrder()) {
            Volume v = Volume.of(fsmap.application(), fs);
            DrbdResourceStatus status = ctx.local().drbd().status(v.resource()).orElseThrow(() ->
                    new StorageException("DRBD resource " + v.resource() + " of " + fs.mountPoint() + " is not "
                            + "started on " + ctx.local().name() + "; start it first (drbd_tool --application "
                            + fsmap.application() + " --action start)"));
            if (!status.isPrimary()) {
                throw new StorageException("DRBD resource " + v.resource() + " of " + fs.mountPoint() + " is not "
                        + "primary on " + ctx.local().name() + "; make it primary first (drbd_tool --application "
                        + fsmap.application() + " --action set_primary)");
            }
            String device = Volume.device(status);
            Optional<MountEntry> mounted = ctx.mount().mountAt(fs.mountPoint());
            if (mounted.isPresent()) {
                if (mounted.get().source().equals(device)) {
                    LOG.info("File system {} already mounted on {}.", fs.mountPoint(), device);
                    continue;
                }
                throw new StorageException(mounted.get().source() + " is mounted on " + fs.mountPoint() + " instead "
                        + "of " + device + "; unmount it (umount " + fs.mountPoint() + ") and try again");
            }
            createMountPoint(fs.mountPoint());
            LOG.info("Running \"fsck -t {} -a {}\"...", fs.fsType(), device);
            FsckResult fsck = ctx.mount().fsck(device, Optional.of(fs.fsType()));
            if (fsck.exitCode() >= FSCK_ABORT_AT) {
                throw new StorageException(fsck.describe() + " File system " + fs.mountPoint() + " is not mounted "
                        + "and the application start is aborted.");
            }
            if (fsck.rebootRequired()) {
                LOG.warn("fsck of {} ({}) asks for a reboot; mounting anyway, reboot the node when convenient.",
                        device, fs.mountPoint());
            }
            LOG.info("Running \"mount -t {} -o {} {} {}\"...", fs.fsType(), fs.options(), device, fs.mountPoint());
            ctx.mount().mount(device, fs.mountPoint(), fs.fsType(), fs.options());
        }
        LOG.info("File systems mounted on DRBD devices.");
    }

    /**
     * Unmounts every file system of the application; a busy one is retried every second until {@code maxDelay}
     * has passed, then its users are killed ({@code fuser -km}) and it is retried for up to {@link #AFTER_KILL}.
     */
    void unmount(FsMap fsmap, Duration maxDelay) throws InterruptedException {
        for (FsMapEntry fs : fsmap.unmountOrder()) {
            unmountOne(fs.mountPoint(), maxDelay);
        }
        LOG.info("All file systems un-mounted successfully.");
    }

    private void unmountOne(Path mountPoint, Duration maxDelay) throws InterruptedException {
        if (ctx.mount().mountAt(mountPoint).isEmpty()) {
            LOG.info("File system {} already un-mounted", mountPoint);
            return;
        }
        LOG.info("Attempting un-mount of {}...", mountPoint);
        Instant killAt = ctx.clock().instant().plus(maxDelay);
        Optional<Instant> giveUpAt = Optional.empty();
        // Bounded by time: every pass sleeps RETRY, and the loop ends AFTER_KILL after the kill at the latest.
        while (true) {
            UnmountOutcome outcome = ctx.mount().unmount(mountPoint);
            if (outcome != UnmountOutcome.BUSY) {
                LOG.info("File system {} un-mounted.", mountPoint);
                return;
            }
            LOG.info("unmount failed with: busy");
            Instant now = ctx.clock().instant();
            if (giveUpAt.isEmpty() && !now.isBefore(killAt)) {
                List<Long> pids = ctx.mount().killUsers(mountPoint);
                LOG.warn("File system {} still busy after {} s: killed the processes using it (fuser -km): {}",
                        mountPoint, maxDelay.toSeconds(), pids);
                giveUpAt = Optional.of(now.plus(AFTER_KILL));
            } else if (giveUpAt.isPresent() && !now.isBefore(giveUpAt.get())) {
                throw new StorageException("File system " + mountPoint + " is still busy " + AFTER_KILL.toSeconds()
                        + " s after its users were killed (fuser -km); find what holds it with 'fuser -vm "
                        + mountPoint + "' or 'lsof " + mountPoint + "', stop it and unmount again");
            }
            ctx.sleeper().sleep(RETRY);
        }
    }

    private static void createMountPoint(Path mountPoint) {
        try {
            Files.createDirectories(mountPoint);
        } catch (IOException e) {
            throw new StorageException("Cannot create the mount point " + mountPoint + ": " + e.getMessage()
                    + "; create it by hand (mkdir -p " + mountPoint + ")", e);
        }
    }
}

package net.linuxha.cli.clbuildapp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.common.config.ConfigException;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.MountDriver;
import net.linuxha.common.storage.ApplicationStorage;
import net.linuxha.common.storage.DrbdResourceName;
import net.linuxha.common.storage.FsMapEntry;
import net.linuxha.common.storage.PrimaryMode;
import net.linuxha.common.storage.Scope;
import net.linuxha.common.storage.StorageNode;
import org.slf4j.Logger;

/**
 * The changes a rebuild makes to a running application's storage (18.1.1, 18.2.1, 18.3.1), after the new fsmap
 * and DRBD resource files are written: a new file system is unmounted from its logical volume, started under DRBD
 * on both nodes with this node's copy as the source (the other node synchronises in the background) and mounted
 * again from its DRBD device; a grown one is grown on both nodes; a removed one (already unmounted by the
 * administrator) has its DRBD resource stopped and its resource file deleted on both nodes.
 */
final class OnlineChanges {

    private final AppEnvironment env;
    private final BuildContext ctx;
    private final ApplicationStorage storage;
    private final Logger log;

    OnlineChanges(AppEnvironment env, BuildContext ctx, ApplicationStorage storage, Logger log) {
        this.env = Objects.requireNonNull(env, "env");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** 18.2: the DRBD resources of file systems no longer in the application, stopped and forgotten on both. */
    void takeDown(List<FsMapEntry> removed) throws IOException {
        for (FsMapEntry e : removed) {
            String resource = DrbdResourceName.of(ctx.application(), e);
            for (StorageNode node : List.of(storage.context().local(), storage.context().peer())) {
                try {
                    if (node.drbd().status(resource).isPresent()) {
                        node.drbd().down(resource);
                        log.info("REBUILD: DRBD resource " + resource + " of " + e.mountPoint() + " stopped on "
                                + node.name() + ".");
                    }
                } catch (RuntimeException ex) {
                    throw new BuildStepException("cannot stop DRBD resource " + resource + " of removed file "
                            + "system " + e.mountPoint() + " on " + node.name() + ": " + ex.getMessage() + "; unmount "
                            + e.mountPoint() + " there and run the rebuild again", ex);
                }
            }
            storage.context().files().remove(resource);
            String remoteFile = storage.context().files().resourceFile(resource).toString();
            ctx.peer.require("remove " + remoteFile, Command.of("rm", "-f", remoteFile));
            log.info("REBUILD: DRBD resource file of " + resource + " removed on " + ctx.localNode() + " and "
                    + ctx.peer.node() + ".");
        }
    }

    /** 18.1.1 and 18.3.1 for a running application. */
    void apply() throws ConfigException, InterruptedException {
        List<FoundFileSystem> added = ctx.fileSystems().stream()
                .filter(f -> f.source() == FoundFileSystem.Source.LOGICAL_VOLUME).toList();
        if (added.isEmpty()) {
            log.info("REBUILD: No new file systems currently mounted.");
        } else {
            List<FsMapEntry> moved = new ArrayList<>();
            try {
                for (FoundFileSystem fs : added) {
                    unmount(fs.entry());
                    moved.add(fs.entry());
                }
                if (!storage.bringUp(ctx.application(), Scope.BOTH)) {
                    log.warn("The new file systems are not replicated to " + ctx.peer.node() + " until its DRBD "
                            + "devices start (clstartapp/cldaemon start them when it rejoins)");
                }
                storage.makePrimary(ctx.application(), PrimaryMode.FORCE_IF_NEEDED);
                for (FoundFileSystem fs : added) {
                    log.info("REBUILD: DRBD device for " + fs.entry().mountPoint() + " started to synchronise.");
                }
                storage.fsckAndMount(ctx.application());
            } catch (RuntimeException | ConfigException e) {
                putBack(moved);
                throw new BuildStepException("the new file systems could not be moved under DRBD: " + e.getMessage()
                        + (moved.isEmpty() ? "" : "; they are mounted from their logical volumes again, as before "
                        + "the rebuild") + ". Fix the cause and run clbuildapp --build --force again.", e);
            }
            for (FoundFileSystem fs : added) {
                log.info("REBUILD: File system " + fs.entry().mountPoint() + " mounted successfully.");
            }
        }
        for (FoundFileSystem fs : ctx.fileSystems()) {
            if (fs.source() != FoundFileSystem.Source.DRBD) {
                continue;
            }
            long before = ctx.oldFsmap.flatMap(f -> f.entry(fs.entry().id())).map(FsMapEntry::sizeKb).orElse(0L);
            if (fs.entry().sizeKb() > before) {
                log.info("REBUILD: Growing " + fs.entry().mountPoint() + " from " + before + "Kb to "
                        + fs.entry().sizeKb() + "Kb on both nodes...");
                storage.resize(ctx.application(), fs.entry().id(), fs.entry().sizeKb());
                log.info("REBUILD: File system " + fs.entry().mountPoint() + " grown to " + fs.entry().sizeKb()
                        + "Kb.");
            }
        }
    }

    /**
     * Undoes a move under DRBD that failed part-way: each moved file system's DRBD mount (if any) unmounted, its
     * resource stopped on both nodes, and its logical volume mounted again where it was, so the application keeps
     * its data where it had it. What cannot be undone is logged with the command that does it.
     */
    private void putBack(List<FsMapEntry> moved) {
        for (FsMapEntry e : moved) {
            String resource = DrbdResourceName.of(ctx.application(), e);
            try {
                if (env.mounts().mountAt(e.mountPoint()).isPresent()) {
                    env.mounts().unmount(e.mountPoint()); // its DRBD device: the logical volume was unmounted
                }
                for (StorageNode node : List.of(storage.context().local(), storage.context().peer())) {
                    if (node.drbd().status(resource).isPresent()) {
                        node.drbd().down(resource);
                    }
                }
                env.mounts().mount(e.lvDevice(), e.mountPoint(), e.fsType(), e.options());
                log.info("REBUILD: " + e.mountPoint() + " mounted from " + e.lvDevice() + " again.");
            } catch (RuntimeException ex) {
                log.error("REBUILD: " + e.mountPoint() + " could not be put back on " + e.lvDevice() + ": "
                        + ex.getMessage() + "; stop DRBD resource " + resource + " (drbdadm down " + resource
                        + ") and mount it by hand: mount " + e.lvDevice() + " " + e.mountPoint());
            }
        }
    }

    private void unmount(FsMapEntry e) {
        MountDriver.UnmountOutcome outcome = env.mounts().unmount(e.mountPoint());
        if (outcome == MountDriver.UnmountOutcome.BUSY) {
            throw new BuildStepException("File system " + e.mountPoint() + " (" + e.lvDevice() + ") is busy and "
                    + "cannot be moved under DRBD; stop the processes using it (fuser -vm " + e.mountPoint()
                    + ") and run clbuildapp --build --force again");
        }
        log.info("REBUILD: Un-mounted local " + e.mountPoint() + ".");
    }
}

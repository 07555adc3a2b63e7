package net.linuxha.cli.clbuildapp;

import java.util.Objects;

import net.linuxha.common.config.ConfigException;
import net.linuxha.common.shell.MountDriver;
import net.linuxha.common.storage.ApplicationStorage;
import net.linuxha.common.storage.FsMap;
import net.linuxha.common.storage.FsMapEntry;
import net.linuxha.common.storage.Scope;
import net.linuxha.common.storage.SyncOptions;
import org.slf4j.Logger;

/**
 * --sync (8.6, 14.8): the file systems are unmounted here (they stay mounted from their logical volumes after the
 * first --build), DRBD starts on both nodes with this node's copy as the source, progress is reported until every
 * volume is in sync, and DRBD is stopped on both nodes again, also when the synchronisation failed.
 */
final class SyncStage {

    private final AppEnvironment env;
    private final BuildContext ctx;
    private final Logger log;

    SyncStage(AppEnvironment env, BuildContext ctx, Logger log) {
        this.env = Objects.requireNonNull(env, "env");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.log = Objects.requireNonNull(log, "log");
    }

    void run() throws ConfigException, InterruptedException {
        String app = ctx.application();
        FsMap fsmap = ctx.oldFsmap.orElseThrow();
        log.info("Loading details of file systems to unmount");
        for (FsMapEntry fs : fsmap.unmountOrder()) {
            if (env.mounts().mountAt(fs.mountPoint()).isEmpty()) {
                continue;
            }
            if (env.mounts().unmount(fs.mountPoint()) == MountDriver.UnmountOutcome.BUSY) {
                throw new BuildStepException("File system " + fs.mountPoint() + " is busy and cannot be unmounted; "
                        + "stop the processes using it (fuser -vm " + fs.mountPoint() + ") and run --sync again");
            }
            log.info("File system " + fs.mountPoint() + " un-mounted");
        }
        log.info("All file systems un-mounted successfully.");
        ApplicationStorage storage = env.storage().open(ctx.setup);
        SyncOptions defaults = env.syncOptions();
        SyncOptions options = new SyncOptions(ctx.request.forceSync(), defaults.connectWait(), defaults.timeout(),
                defaults.pollInterval());
        boolean synced = false;
        try {
            storage.syncFrom(app, options, states -> SyncProgress.lines(fsmap, states).forEach(log::info));
            synced = true;
            log.info("All logical volumes on remote host " + ctx.peer.node() + " synchronised");
        } finally {
            log.info("Stopping DRBD on " + ctx.localNode() + " and " + ctx.peer.node() + " devices.");
            try {
                if (!storage.takeDown(app, Scope.BOTH)) {
                    log.warn("DRBD devices of " + app + " may still run on " + ctx.peer.node() + "; stop them there: "
                            + "drbd_tool -A " + app + " --action down");
                }
            } catch (RuntimeException e) {
                if (synced) {
                    throw e;
                }
                log.error("Also failed to stop the DRBD devices of " + app + ": " + e.getMessage());
            }
        }
        log.info("");
        log.info("Successfully Synchronised data from " + ctx.localNode() + " to " + ctx.peer.node());
        log.info("");
    }
}

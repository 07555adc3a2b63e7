package net.linuxha.common.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.shell.DrbdResourceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job: make this node's copies the source and wait until the peer holds the same data (clbuildapp --sync, 8.6);
 * invalidate the peer's copy (18.3.3 invalidate_remote).
 */
final class Synchroniser {

    private static final Logger LOG = LoggerFactory.getLogger(Synchroniser.class);

    private final StorageContext ctx;

    Synchroniser(StorageContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Starts DRBD on both nodes, waits for the connections, makes this node primary (forced if need be), with
     * {@code forceFull} invalidates the peer, then reports progress until every file system is in sync. The
     * devices are left started and primary here; clbuildapp --sync then stops them on both nodes.
     */
    List<FileSystemState> syncFrom(FsMap fsmap, SyncOptions options, Consumer<List<FileSystemState>> progress)
            throws InterruptedException {
        if (!new DrbdStartup(ctx).bringUp(fsmap, Scope.BOTH)) {
            throw new StorageException("Cannot synchronise application " + fsmap.application() + ": its DRBD "
                    + "devices did not start on " + ctx.peer().name() + " (see the warning above); fix that node "
                    + "and run the synchronisation again");
        }
        List<Volume> volumes = Volume.all(fsmap, ctx);
        awaitConnected(fsmap, volumes, options);
        new DrbdRoles(ctx).makePrimary(fsmap, PrimaryMode.FORCE_IF_NEEDED);
        if (options.forceFull()) {
            for (Volume v : volumes) {
                LOG.info("Forcing a full synchronisation of {} to {}.", v.fs().mountPoint(), ctx.peer().name());
                ctx.local().drbd().invalidateRemote(v.resource());
            }
        }
        LOG.info("Waiting for the file systems of {} to synchronise to {}...", fsmap.application(),
                ctx.peer().name());
        StatusReader reader = new StatusReader(ctx);
        Instant deadline = ctx.clock().instant().plus(options.timeout());
        while (true) {
            List<FileSystemState> states = reader.sample(fsmap);
            progress.accept(states);
            if (states.stream().allMatch(FileSystemState::inSync)) {
                LOG.info("All file systems of {} are synchronised.", fsmap.application());
                return states;
            }
            if (!ctx.clock().instant().isBefore(deadline)) {
                throw new StorageException("The file systems of " + fsmap.application() + " did not synchronise "
                        + "within " + options.timeout() + ": " + states.stream().map(FileSystemState::line).toList()
                        + "; check the DRBD network and 'drbdsetup status --verbose'");
            }
            ctx.sleeper().sleep(options.pollInterval());
        }
    }

    /** {@code drbdadm invalidate-remote} for one file system, or all when {@code only} is empty. */
    void invalidateRemote(FsMap fsmap, Optional<FileSystemId> only) {
        List<Volume> volumes = Volume.all(fsmap, ctx).stream()
                .filter(v -> only.isEmpty() || v.fs().id().equals(only.get())).toList();
        if (volumes.isEmpty()) {
            throw new StorageException("Application " + fsmap.application() + " has no file system "
                    + only.map(FileSystemId::toString).orElse("") + " in its fsmap " + ctx.paths().fsmap(
                    fsmap.application()) + "; name one of its volume groups and logical volumes");
        }
        for (Volume v : volumes) {
            LOG.info("Invalidating the copy of {} ({}) on {}: it will be fully resynchronised.", v.fs().id(),
                    v.fs().mountPoint(), ctx.peer().name());
            try {
                ctx.local().drbd().invalidateRemote(v.resource());
            } catch (RuntimeException e) {
                throw new StorageException("Cannot invalidate the copy of " + v.fs().id() + " on "
                        + ctx.peer().name() + ": " + e.getMessage() + ". Both nodes must have the DRBD devices "
                        + "started and connected, with this node's copy UpToDate", e);
            }
        }
    }

    private void awaitConnected(FsMap fsmap, List<Volume> volumes, SyncOptions options)
            throws InterruptedException {
        Instant deadline = ctx.clock().instant().plus(options.connectWait());
        for (Volume v : volumes) {
            while (true) {
                DrbdResourceStatus status = ctx.local().drbd().status(v.resource()).orElseThrow(() ->
                        new StorageException("DRBD resource " + v.resource() + " stopped on " + ctx.local().name()
                                + " while waiting for it to connect; start it again"));
                String state = status.connections().isEmpty() ? "none"
                        : status.connections().get(0).connectionState();
                if ("Connected".equals(state)) {
                    break;
                }
                if ("StandAlone".equals(state)) {
                    throw new StorageException("DRBD resource " + v.resource() + " of " + fsmap.application()
                            + " refused to connect to " + ctx.peer().name() + " (StandAlone: split brain, both "
                            + "copies changed). Decide which copy to keep; on the other node run 'drbdadm -c "
                            + ctx.files().topConfig() + " connect --discard-my-data " + v.resource() + "'");
                }
                if (!ctx.clock().instant().isBefore(deadline)) {
                    throw new StorageException("DRBD resource " + v.resource() + " did not connect to "
                            + ctx.peer().name() + " within " + options.connectWait().toSeconds() + " s (state "
                            + state + "); check the DRBD network between the nodes and the resource file's "
                            + "addresses");
                }
                ctx.sleeper().sleep(options.pollInterval());
            }
        }
    }
}

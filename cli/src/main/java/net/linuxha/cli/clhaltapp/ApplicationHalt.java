package net.linuxha.cli.clhaltapp;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import net.linuxha.cli.app.AppSession;
import net.linuxha.cli.app.ClusterDaemonLink;
import net.linuxha.cli.app.LocalStatusDirectory;
import net.linuxha.cli.app.RemoteNodeProbe;
import net.linuxha.cli.app.RemoteStatusDirectory;
import net.linuxha.cli.app.ScriptRunner;
import net.linuxha.cli.app.ServiceAddresses;
import net.linuxha.common.app.StaleFlagRules;
import net.linuxha.common.app.StaleFlags;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.ScriptCommand;
import net.linuxha.common.lock.LockHandle;
import net.linuxha.common.shell.ShellException;
import net.linuxha.common.storage.ApplicationStorage;
import net.linuxha.common.storage.DrbdResourceName;
import net.linuxha.common.storage.FsMapEntry;
import net.linuxha.common.storage.Scope;
import net.linuxha.common.storage.StorageContext;
import net.linuxha.common.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One halt of an application on this node (Reference 11.4, 22.4.2, 22.4.3): Lems aborted, STOPPING_APP, the stop
 * script, the file systems unmounted (busy ones retried, then their users killed), the addresses removed, DRBD
 * secondary and down here and on the other node, STALE flags for the other node's copies when it could not follow,
 * LIVENODE removed, STOPPED_APP. A step that fails does not stop the later ones that can still run; the halt then
 * ends non-zero naming what is left.
 */
final class ApplicationHalt {

    private static final Logger LOG = LoggerFactory.getLogger("clhaltapp");

    private final AppSession session;
    private final Optional<Duration> maxDelay;
    private final boolean force;
    private final ScriptRunner scripts;
    private final PrintWriter out;
    private boolean clean = true;

    ApplicationHalt(AppSession session, Optional<Duration> maxDelay, boolean force, ScriptRunner scripts,
                    PrintWriter out) {
        this.session = session;
        this.maxDelay = maxDelay;
        this.force = force;
        this.scripts = scripts;
        this.out = out;
    }

    int run() throws ConfigException, InterruptedException {
        String app = session.name();
        Duration limit = maxDelay.orElse(session.app().maxStopTime());
        LOG.info("Maximum shutdown time for application: {}", limit.toSeconds());
        ClusterDaemonLink daemon = session.daemon();
        ApplicationStorage storage = session.hasStorage() ? session.storage() : null;
        if (!force && !runsHere(storage, daemon)) {
            LOG.warn("Application {} does not appear to be running on {} (no address, mount or DRBD device of it "
                    + "here) - nothing to stop; use --force to go through the steps anyway.", app,
                    session.localNode());
            out.println("Application " + app + " is not running on " + session.localNode() + ".");
            out.flush();
            return ExitCode.SUCCESS.code();
        }
        RemoteNodeProbe.Findings findings = session.remoteProbe().probe(session.drbdFiles(), session.fsmap());
        daemon.stopping(app);
        session.lems().abort();
        runStopScript(limit);
        boolean unmounted = storage == null || unmount(storage, limit);
        removeAddresses();
        if (storage != null && unmounted) {
            stopDrbd(storage, findings.sshWorks());
        } else if (storage != null) {
            LOG.error("DRBD devices of {} left primary on {}: the file systems could not be unmounted.", app,
                    session.localNode());
        }
        updateStatus(findings);
        if (!clean) {
            LOG.error("Application {} was not shut down cleanly on {} (see the errors above); fix the cause and "
                    + "run 'clhaltapp --application {} --force' again.", app, session.localNode(), app);
            return ExitCode.FAILURE.code();
        }
        daemon.stopped(app);
        LOG.info("Application {} shutdown successfully.", app);
        out.println("Application " + app + " shutdown successfully.");
        out.flush();
        return ExitCode.SUCCESS.code();
    }

    /** Any trace of the application here: an address, a mounted file system, a DRBD device up, or the daemon's word. */
    private boolean runsHere(ApplicationStorage storage, ClusterDaemonLink daemon) {
        if (!session.addresses().held(session.app().allIps()).isEmpty()) {
            return true;
        }
        if (storage != null) {
            StorageContext ctx = storage.context();
            for (FsMapEntry fs : session.fsmap().entries()) {
                if (ctx.mount().mountAt(fs.mountPoint()).isPresent()
                        || ctx.local().drbd().status(DrbdResourceName.of(session.name(), fs)).isPresent()) {
                    return true;
                }
            }
        }
        Optional<String[]> status = daemon.status(session.name());
        return status.isPresent() && status.get().length > 1 && !status.get()[0].equals("STOPPED")
                && !status.get()[0].equals("DOWN") && status.get()[1].equalsIgnoreCase(session.localNode());
    }

    private void runStopScript(Duration limit) throws InterruptedException {
        String app = session.name();
        Optional<ScriptCommand> script = session.app().stopScript();
        if (script.isEmpty()) {
            LOG.warn("Application {} has no stop script configured.", app);
            return;
        }
        if (!ScriptRunner.exists(script.get())) {
            LOG.warn("Specified application stop script does not exist ({}).", script.get().program());
            return;
        }
        ScriptRunner.Outcome outcome = scripts.run("stop", script.get(), limit, session.logFiles().stopOutput(app),
                session.logFiles().stopErrors(app));
        if (outcome.succeeded()) {
            LOG.info("Applications stop completed successfully");
        } else {
            // 9.1: a failing stop script is only recorded; the unmount kills whatever still uses the file systems.
            LOG.warn("Application stop script {} {}; see {} - continuing the shutdown.", script.get().raw(),
                    outcome.describe(), session.logFiles().stopErrors(app));
        }
    }

    private boolean unmount(ApplicationStorage storage, Duration limit) throws InterruptedException {
        try {
            storage.unmount(session.name(), limit);
            return true;
        } catch (StorageException | ShellException | ConfigException e) {
            LOG.error("{}", e.getMessage());
            clean = false;
            return false;
        }
    }

    private void removeAddresses() {
        if (session.app().allIps().isEmpty()) {
            return;
        }
        LockHandle net = session.lock("NET");
        try {
            ServiceAddresses addresses = session.addresses();
            int removed = addresses.remove(session.app().allIps());
            LOG.info("{} application IP address(es) removed.", removed);
            if (!addresses.held(session.app().allIps()).isEmpty()) {
                LOG.error("Application IP addresses still configured here: {}; remove them with 'ip addr del'",
                        addresses.held(session.app().allIps()));
                clean = false;
            }
        } catch (ShellException e) {
            LOG.error("Removing the application IP addresses failed: {}", e.getMessage());
            clean = false;
        } finally {
            AppSession.release(net);
        }
    }

    private void stopDrbd(ApplicationStorage storage, boolean sshWorks) throws ConfigException {
        String app = session.name();
        LockHandle client = session.lock("NBD_CLIENT");
        try {
            storage.makeSecondary(app);
            storage.takeDown(app, Scope.LOCAL);
        } catch (StorageException | ShellException e) {
            LOG.error("Stopping the DRBD devices here failed: {}", e.getMessage());
            clean = false;
            return;
        } finally {
            AppSession.release(client);
        }
        if (!sshWorks) {
            LOG.warn("Remote server not responding - can not stop the DRBD devices on {}.", session.peerNode());
            return;
        }
        LockHandle server = session.lock("NBD_SERVER");
        try {
            // BOTH finds this node's devices down already and goes on to the other node's.
            storage.takeDown(app, Scope.BOTH);
        } catch (StorageException | ShellException e) {
            LOG.warn("Stopping the DRBD devices on {} failed: {}", session.peerNode(), e.getMessage());
        } finally {
            AppSession.release(server);
        }
    }

    /** 22.4.3: STALE flags for the copies the other node missed; LIVENODE removed on both nodes. */
    private void updateStatus(RemoteNodeProbe.Findings findings) throws ConfigException {
        LocalStatusDirectory local = session.localStatus();
        RemoteStatusDirectory remote = session.remoteStatus();
        try {
            StaleFlags localFlags = local.read().snapshot().flags();
            StaleFlagRules.HaltFlags flags = StaleFlagRules.onHalt(findings.status(), session.fileSystems(),
                    session.peerNode(), localFlags);
            if (!flags.local().isEmpty()) {
                local.apply(flags.local());
                LOG.info("STALE flags written on {}: {}", session.localNode(), flags.local().write());
                if (flags.alsoRemote() && findings.sshWorks()) {
                    try {
                        remote.apply(flags.local());
                        LOG.info("STALE flags written on {}: {}", session.peerNode(), flags.local().write());
                    } catch (IOException e) {
                        LOG.warn("{}", e.getMessage());
                    }
                }
            }
            LOG.info("Removing LIVENODE control files...");
            local.clearLiveNode();
        } catch (IOException e) {
            LOG.error("Cannot update the status directory {}: {}", local.path(), e.getMessage());
            clean = false;
        }
        if (findings.sshWorks()) {
            try {
                remote.clearLiveNode();
            } catch (IOException e) {
                LOG.warn("{}", e.getMessage());
            }
        } else {
            LOG.warn("Remote server not responding - can not remove LIVENODE files.");
        }
    }
}

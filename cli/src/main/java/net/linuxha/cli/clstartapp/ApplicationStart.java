package net.linuxha.cli.clstartapp;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.linuxha.cli.app.AppSession;
import net.linuxha.cli.app.ClusterDaemonLink;
import net.linuxha.cli.app.ClusterDaemonLink.Registration;
import net.linuxha.cli.app.LocalStatusDirectory;
import net.linuxha.cli.app.NodeStatus;
import net.linuxha.cli.app.RemoteNodeProbe;
import net.linuxha.cli.app.RemoteStatusDirectory;
import net.linuxha.cli.app.Rollback;
import net.linuxha.cli.app.ScriptRunner;
import net.linuxha.cli.app.ServiceAddress;
import net.linuxha.cli.app.ServiceAddresses;
import net.linuxha.cli.app.StatusGathering;
import net.linuxha.cli.app.StepFailedException;
import net.linuxha.common.app.FlagUpdate;
import net.linuxha.common.app.ForceLevel;
import net.linuxha.common.app.Notice;
import net.linuxha.common.app.RemoteNodeStatus;
import net.linuxha.common.app.StaleFlags;
import net.linuxha.common.app.StartDecision;
import net.linuxha.common.app.StartTrigger;
import net.linuxha.common.app.TimeFile;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.ScriptCommand;
import net.linuxha.common.lock.LockHandle;
import net.linuxha.common.shell.ShellException;
import net.linuxha.common.storage.ApplicationStorage;
import net.linuxha.common.storage.PrimaryMode;
import net.linuxha.common.storage.Scope;
import net.linuxha.common.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start of an application on this node (Reference 11.1, 22.3, 22.4, 22.4.1): ascertain the cluster status,
 * decide, register with the cluster daemon, refuse an address in use, then DRBD up and primary, fsck and mount,
 * service addresses, the start script, flags and TIME, Lems, STARTED_APP. Every step after the registration
 * registers its undo first; a failure rolls back and leaves the node as it was.
 */
final class ApplicationStart {

    private static final Logger LOG = LoggerFactory.getLogger("clstartapp");

    private final AppSession session;
    private final StartSettings settings;
    private final ScriptRunner scripts;
    private final PrintWriter out;
    private final Rollback rollback = new Rollback();
    private ClusterDaemonLink currentDaemon;
    private boolean daemonRegistered;

    ApplicationStart(AppSession session, StartSettings settings, ScriptRunner scripts, PrintWriter out) {
        this.session = session;
        this.settings = settings;
        this.scripts = scripts;
        this.out = out;
    }

    int run() throws ConfigException, InterruptedException {
        String app = session.name();
        LOG.info("Maximum start-up time for application: {}", settings.startLimit(session.app()).toSeconds());
        RemoteNodeProbe.Findings findings = session.remoteProbe().probe(session.drbdFiles(), session.fsmap());
        LocalStatusDirectory localDir = session.localStatus();
        RemoteStatusDirectory remoteDir = session.remoteStatus();
        StatusGathering.Gathered gathered;
        try {
            gathered = StatusGathering.gather(findings.status(), findings.sshWorks(), localDir, remoteDir);
        } catch (IOException e) {
            LOG.error("{}", e.getMessage());
            return ExitCode.CONFIG.code();
        }
        StartDecision decision = StartDecision.decide(StatusGathering.inputs(app, session.localNode(),
                session.peerNode(), session.fileSystems(), gathered, settings.force(), StartTrigger.COMMAND_LINE,
                session.app().takeover()));
        log(decision.notices());
        if (decision instanceof StartDecision.Refuse) {
            return refused("the state of the cluster's data does not allow it (see above)");
        }
        StartDecision.Start start = (StartDecision.Start) decision;
        if (settings.checks() && !new StartChecks(session, findings.sshWorks()).passed()) {
            return refused("the --checks found problems (see above)");
        }
        Optional<Integer> refusal = register(session.daemon());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            ServiceAddresses addresses = session.addresses();
            LOG.info("Checking for existing primary application IP addresses...");
            List<ServiceAddress> planned = plan(addresses);
            if (!addresses.inUse(planned).isEmpty()) {
                ServiceAddresses.IN_USE_LINES.forEach(LOG::error);
                rollback.run();
                return ExitCode.ALREADY_RUNNING.code();
            }
            LOG.info("No application primary IP addresses found.");
            if (session.hasStorage()) {
                startStorage(start, findings.status(), localDir, remoteDir, findings.sshWorks());
            }
            List<CompletableFuture<Void>> announcements = addAddresses(addresses, planned);
            runStartScript();
            // The gratuitous ARPs went on while the start script ran; the start is complete once they are sent.
            announcements.forEach(CompletableFuture::join);
            recordStart(start, localDir, remoteDir, findings.sshWorks());
            session.lems().start();
            if (daemonRegistered) {
                currentDaemon.started(app);
            }
        } catch (StepFailedException | StorageException | ShellException | ConfigException | IOException
                 | IllegalStateException | IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            return failed();
        } catch (InterruptedException e) {
            LOG.error("clstartapp was interrupted while starting {}", app);
            failed();
            throw e;
        }
        LOG.info("Applications start completed successfully");
        out.println("Application " + app + " started successfully");
        out.flush();
        return ExitCode.SUCCESS.code();
    }

    /** STARTING_APP, and what each refusal means (11.1, 11.2); empty when the start may go on. */
    private Optional<Integer> register(ClusterDaemonLink daemon) {
        String app = session.name();
        currentDaemon = daemon;
        Registration registration = daemon.registerStarting(app, session.localNode());
        if (registration instanceof Registration.Registered) {
            daemonRegistered = true;
            rollback.push("tell the cluster daemon " + app + " is stopped", () -> daemon.stopped(app));
            return Optional.empty();
        }
        if (registration instanceof Registration.Unreachable) {
            Optional<StartDecision.Refuse> refuse = StartDecision.whenClusterDaemonUnreachable(settings.force());
            if (refuse.isPresent()) {
                log(refuse.get().notices());
                return Optional.of(ExitCode.NOT_RUNNING.code());
            }
            LOG.warn("Unable to contact local cluster daemon - starting {} without it, as --force was given.", app);
            return Optional.empty();
        }
        Registration.Refused refused = (Registration.Refused) registration;
        switch (refused.code()) {
            case "ALREADY_STARTED" -> {
                LOG.error("Application {} is already running!", app);
                return Optional.of(ExitCode.ALREADY_RUNNING.code());
            }
            case "ALREADY_STARTING" -> {
                LOG.error("Application {} is already being started on the other node; wait for it (clstat "
                        + "--application {}) instead of starting it here.", app, app);
                return Optional.of(ExitCode.ALREADY_RUNNING.code());
            }
            case "NOT_REGISTERED", "INVALID_NODE" -> {
                String why = refused.code().equals("NOT_REGISTERED")
                        ? "Application " + app + " is not registered with the cluster daemon"
                        : "The cluster daemon does not list " + session.localNode() + " as a valid node for " + app;
                if (settings.force().atLeast(ForceLevel.FORCE)) {
                    LOG.warn("{} - starting it all the same, as --force was given.", why);
                    return Optional.empty();
                }
                LOG.error("{}; register it (cldaemonctl --msg \"REG_APP app={}\") or reset its valid nodes "
                        + "(cldaemonctl --msg \"SETVALIDNODES app={} forward=yes\"), or rerun with --force.", why,
                        app, app);
                return Optional.of(ExitCode.FAILURE.code());
            }
            default -> {
                LOG.error("The cluster daemon refused to register {} as starting: {}", app, refused.text());
                return Optional.of(ExitCode.FAILURE.code());
            }
        }
    }

    private List<ServiceAddress> plan(ServiceAddresses addresses) throws ConfigException {
        try {
            return addresses.plan(session.setup().local(), session.app().networks());
        } catch (IllegalStateException e) {
            throw new StepFailedException(e.getMessage(), e);
        }
    }

    private void startStorage(StartDecision.Start start, RemoteNodeStatus remoteStatus, LocalStatusDirectory localDir,
                              RemoteStatusDirectory remoteDir, boolean sshWorks) throws ConfigException, IOException {
        String app = session.name();
        ApplicationStorage storage = session.storage();
        Scope scope = remoteStatus == RemoteNodeStatus.CLUSTER_UP ? Scope.BOTH : Scope.LOCAL;
        LockHandle nbd = session.lock("NBD_CLIENT");
        try {
            rollback.push("stop the DRBD devices", () -> storage.takeDown(app, scope));
            storage.bringUp(app, scope);
            rollback.push("make the DRBD devices secondary", () -> storage.makeSecondary(app));
            storage.makePrimary(app, PrimaryMode.forStart(start));
        } finally {
            AppSession.release(nbd);
        }
        // From here this copy can change: flags marking the other copy out of date are written now, so that even
        // a start that fails later leaves them; flags are only removed once the start has succeeded.
        writeFlags(new FlagUpdate(start.localFlags().write(), StaleFlags.none()), localDir, true);
        if (start.remoteFlags().isPresent() && sshWorks) {
            writeFlags(new FlagUpdate(start.remoteFlags().get().write(), StaleFlags.none()), remoteDir, false);
        }
        rollback.push("unmount the file systems", () -> storage.unmount(app,
                settings.unmountDelay(session.app())));
        storage.fsckAndMount(app);
    }

    private List<CompletableFuture<Void>> addAddresses(ServiceAddresses addresses, List<ServiceAddress> planned) {
        List<CompletableFuture<Void>> announcements = new ArrayList<>();
        if (planned.isEmpty()) {
            return announcements;
        }
        LockHandle net = session.lock("NET");
        try {
            for (ServiceAddress a : planned) {
                rollback.push("remove address " + a.address(), () -> addresses.remove(List.of(a.address())));
                announcements.add(addresses.addInBackground(a));
            }
        } finally {
            AppSession.release(net);
        }
        return announcements;
    }

    private void runStartScript() throws InterruptedException {
        String app = session.name();
        Optional<ScriptCommand> script = session.app().startScript();
        if (script.isEmpty()) {
            LOG.warn("Application {} has no start script configured.", app);
            return;
        }
        if (!ScriptRunner.exists(script.get())) {
            LOG.warn("Specified application start script does not exist ({}).", script.get().program());
            return;
        }
        session.app().stopScript().filter(ScriptRunner::exists).ifPresent(stop ->
                rollback.push("run the stop script", () -> scripts.run("stop", stop, session.app().maxStopTime(),
                        session.logFiles().stopOutput(app), session.logFiles().stopErrors(app))));
        ScriptRunner.Outcome outcome = scripts.run("start", script.get(), settings.startLimit(session.app()),
                session.logFiles().startOutput(app), session.logFiles().startErrors(app));
        if (outcome.succeeded()) {
            return;
        }
        String where = "; see " + session.logFiles().startOutput(app) + " and " + session.logFiles().startErrors(app);
        if (outcome.escalated()) {
            throw new StepFailedException("Application start script " + script.get().raw() + " did not finish "
                    + "within " + settings.startLimit(session.app()).toSeconds() + " seconds and was "
                    + outcome.describe() + where + ". Fix the script, or raise <maxstarttime> in appconf.xml.");
        }
        if (settings.force().atLeast(ForceLevel.FORCE)) {
            LOG.warn("Application start script {} failed ({}){} - continuing, as --force was given.",
                    script.get().raw(), outcome.describe(), where);
            return;
        }
        throw new StepFailedException("Application start script " + script.get().raw() + " failed ("
                + outcome.describe() + ")" + where + ".");
    }

    private void recordStart(StartDecision.Start start, LocalStatusDirectory localDir, RemoteStatusDirectory remoteDir,
                             boolean sshWorks) throws IOException {
        writeFlags(start.localFlags(), localDir, true);
        if (start.remoteFlags().isPresent() && sshWorks) {
            writeFlags(start.remoteFlags().get(), remoteDir, false);
        }
        localDir.recordStart(TimeFile.of(session.env().clock().instant()), session.localNode());
        if (sshWorks) {
            try {
                remoteDir.recordLiveNode(session.localNode());
            } catch (IOException e) {
                LOG.warn("{}", e.getMessage());
            }
        }
    }

    /** Applies a flag update; on this node a failure is an error, on the other node a warning. */
    private static void writeFlags(FlagUpdate update, NodeStatus.Directory dir, boolean required)
            throws IOException {
        if (update.isEmpty()) {
            return;
        }
        try {
            dir.apply(update);
            if (!update.write().isEmpty()) {
                LOG.info("STALE flags written on {}: {}", dir.node(), update.write());
            }
            if (!update.delete().isEmpty()) {
                LOG.info("STALE flags removed on {}: {}", dir.node(), update.delete());
            }
        } catch (IOException e) {
            if (required) {
                throw e;
            }
            LOG.warn("{}", e.getMessage());
        }
    }

    private int refused(String why) {
        LOG.error("Application {} not started: {}.", session.name(), why);
        return ExitCode.FAILURE.code();
    }

    private int failed() {
        String app = session.name();
        LOG.error("Application {} failed to start on {} - undoing what was done...", app, session.localNode());
        if (rollback.run()) {
            LOG.error("Application {} not started; {} has been left as it was before the start.", app,
                    session.localNode());
        } else {
            LOG.error("Application {} not started, and {} could NOT be cleaned up completely (see the errors "
                    + "above); run 'clhaltapp --application {} --force' once the cause is fixed.", app,
                    session.localNode(), app);
        }
        return ExitCode.FAILURE.code();
    }

    private static void log(List<Notice> notices) {
        for (Notice n : notices) {
            switch (n.level()) {
                case INFO -> LOG.info("{}", n.text());
                case WARN -> LOG.warn("{}", n.text());
                case ERROR -> LOG.error("{}", n.text());
                default -> throw new IllegalStateException("unhandled level " + n.level());
            }
        }
    }
}

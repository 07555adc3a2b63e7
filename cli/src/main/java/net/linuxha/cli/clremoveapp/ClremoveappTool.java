package net.linuxha.cli.clremoveapp;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import net.linuxha.cli.cluster.AppStatus;
import net.linuxha.cli.cluster.Applications;
import net.linuxha.cli.cluster.ChecksumGate;
import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.cli.cluster.ToolLog;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.HelpOption;
import net.linuxha.common.cli.LogOptions;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.BuildStatus;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.log.LogSetup;
import net.linuxha.common.resources.CommandResourceStore;
import net.linuxha.common.resources.ResourcePools;
import net.linuxha.common.shell.RemoteCommandRunner;
import net.linuxha.common.shell.RemoteShell;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clremoveapp} (Reference 12): removes an application from the cluster on both nodes. It refuses while the
 * application runs or its file systems are mounted (unless {@code --force}) and while the other node cannot be
 * reached; archives {@code /etc/cluster/<application>} on each node; unregisters it from the cluster daemons
 * (DEREG_APP forward=yes); releases its ports and DRBD minors; removes its status directory, DRBD resource files,
 * fsmap, build checksum and application directory. Its volume groups and data are left untouched.
 *
 * <p>Exit codes: 0 removed; 1 refused or a step failed; 2 usage; 3 a configuration is invalid or not validated;
 * 4 the cluster is not running (without {@code --force}).
 */
@Command(name = "clremoveapp", sortOptions = false,
        description = {"Removes an application's definition from both nodes of the cluster (its data is kept)."})
public final class ClremoveappTool implements Callable<Integer> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    @Spec
    private CommandSpec spec;

    /** -V is --verbose here (12), so the standard help options, whose -V is --version, are not mixed in. */
    @Mixin
    HelpOption help = new HelpOption();

    @Mixin
    private LogOptions logging;

    @Option(names = {"-A", "--application"}, required = true, paramLabel = "X",
            description = "The application to remove.")
    private String application;

    @Option(names = "--nobackup", description = "Do not archive its configuration before removing it.")
    private boolean noBackup;

    @Option(names = "--backupdir", paramLabel = "DIR", description = "Where to archive its configuration on each "
            + "node (X-<date>.tar.gz); required unless --nobackup.")
    private Path backupDir;

    @Option(names = "--force", description = "Remove it even when the cluster is down or it appears to be running "
            + "(may lose data).")
    private boolean force;

    @Option(names = "--nochecksums", description = "Remove it even if its configuration does not match its build "
            + "checksum.")
    private boolean noChecksums;

    private final ToolEnvironment env;
    private ClusterSession session;
    private ToolLog log;

    public ClremoveappTool() {
        this(ToolEnvironment.system());
    }

    public ClremoveappTool(ToolEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws ConfigException, WireException {
        checkUsage();
        ToolLog.quietCommandFailures();
        session = ClusterSession.open(env.loadSetup(Optional.empty()), env);
        try (ToolLog opened = ToolLog.with(LogSetup.to(logging.destination(logging.terminal()))
                .verbose(logging.verbose()).clock(env.clock()).alsoTo(spec.commandLine().getErr(), Level.ERROR),
                "clremoveapp")) {
            log = opened;
            return remove();
        }
    }

    private int remove() throws ConfigException, WireException {
        checkChecksums();
        log.info("Global section configuration validation complete");
        Optional<String> contact = session.answeringNode();
        confirmNotRunning(contact);
        List<Removal.Node> nodes = nodes();
        Set<String> definedOn = definedOn(nodes);
        FileSystems fileSystems = FileSystems.read(env.paths(), application, force, log);
        fileSystems.checkUnmounted(nodes, force);
        Set<String> drbdResources = fileSystems.drbdResources(nodes);
        Removal removal = new Removal(env, application, nodes, log);
        if (noBackup) {
            log.info("Configuration of " + application + " not backed up (--nobackup).");
        } else {
            removal.backup(backupDir, definedOn);
        }
        contact.ifPresent(this::unregister);
        removal.removeFiles(drbdResources);
        log.info("Successfully removed application " + application + " from the cluster.");
        return ExitCode.SUCCESS.code();
    }

    private void checkUsage() {
        if (!NAME.matcher(application).matches()) {
            throw new ToolException(ExitCode.USAGE, "\"" + application + "\" is not an application name: use the "
                    + "name given in its appconf.xml (letters, digits, '_' and '-').");
        }
        if (noBackup && backupDir != null) {
            throw new ToolException(ExitCode.USAGE, "--nobackup and --backupdir " + backupDir + " contradict each "
                    + "other: give one of them.");
        }
        if (!noBackup && backupDir == null) {
            throw new ToolException(ExitCode.USAGE, "--backupdir DIR is required unless --nobackup is given: the "
                    + "configuration of " + application + " is archived to DIR/" + application
                    + "-<date>.tar.gz on both nodes before it is removed.");
        }
        if (backupDir != null && !backupDir.isAbsolute()) {
            throw new ToolException(ExitCode.USAGE, "--backupdir " + backupDir + " must be an absolute path, as it "
                    + "is used on both nodes.");
        }
    }

    private void checkChecksums() {
        if (noChecksums) {
            log.warn("Configuration checksums are not checked (--nochecksums).");
            return;
        }
        ChecksumGate.require(ChecksumGate.of(env.paths(), Optional.empty()));
        if (!Files.isDirectory(env.paths().applicationDir(application))) {
            return; // Not defined here: the definition check says so, naming both nodes.
        }
        BuildChecksum checksum = BuildChecksum.application(env.paths(), application);
        BuildStatus status;
        try {
            status = checksum.status();
        } catch (IOException e) {
            throw new ToolException(ExitCode.CONFIG, "Cannot read " + checksum.configFile() + " or "
                    + checksum.checksumFile() + " (" + e.getMessage() + "); use --nochecksums to remove "
                    + application + " anyway.");
        }
        if (status != BuildStatus.VALID) {
            List<String> lines = new ArrayList<>(checksum.messageLines(status));
            lines.add("(--nochecksums removes it anyway.)");
            throw new ToolException(ExitCode.CONFIG, String.join("\n", lines));
        }
    }

    /** 12, check 1: only possible while the cluster daemons run. */
    private void confirmNotRunning(Optional<String> contact) throws WireException {
        if (contact.isEmpty()) {
            if (!force) {
                throw ToolException.notRunning("Unable to check that application " + application + " is not "
                        + "running: the cluster daemons are not running.\nForm the cluster (clform), or use --force "
                        + "once you are sure " + application + " runs on neither node.");
            }
            log.warn("The cluster is not running: not checking whether " + application + " runs (--force).");
            return;
        }
        Optional<AppStatus> status = new Applications(session, contact.get()).status(application);
        if (status.isPresent() && status.get().isActive()) {
            String where = status.get().node().orElse(contact.get());
            if (!force) {
                throw ToolException.failure("Daemon responded with status " + status.get().state() + " to "
                        + "application status request!\nStop " + application + " first (clhaltapp --application "
                        + application + " on " + where + "), or use --force (may lose data).");
            }
            log.warn("Application " + application + " is " + status.get().state() + " on node " + where
                    + "; removing it anyway (--force).");
            return;
        }
        log.info("Confirmed " + application + " is not currently running.");
    }

    /** This node and the other, which must be reachable (12: "only ... once both nodes are available"). */
    private List<Removal.Node> nodes() {
        String peer = session.peerNode();
        try {
            log.info("Will use IP address " + env.resolver().resolve(peer).getHostAddress() + " for communication to "
                    + peer + ".");
        } catch (UnknownHostException e) {
            throw ToolException.failure("Node " + peer + " does not resolve; add it to /etc/hosts or DNS on this "
                    + "node.");
        }
        RemoteCommandRunner remote = new RemoteCommandRunner(new RemoteShell(env.runner(), peer));
        NodeFiles peerFiles = new NodeFiles(remote, peer);
        if (!peerFiles.reachable()) {
            throw ToolException.failure("Unable to run commands on node " + peer + " over ssh, and an application "
                    + "can only be removed while both nodes are available.\nCheck that root on "
                    + session.localNode() + " can ssh to " + peer + " without a password, then run clremoveapp "
                    + "again.");
        }
        return List.of(
                new Removal.Node(new NodeFiles(env.runner(), session.localNode()), ResourcePools.local(env.paths())),
                new Removal.Node(peerFiles, new ResourcePools(new CommandResourceStore(remote,
                        env.paths().resourcesDir().toString(), peer))));
    }

    /** 12, check 3: both nodes define the application. */
    private Set<String> definedOn(List<Removal.Node> nodes) {
        String dir = env.paths().applicationDir(application).toString();
        Set<String> defined = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (Removal.Node node : nodes) {
            if (node.files().isDirectory(dir)) {
                defined.add(node.name());
            } else {
                missing.add(node.name());
            }
        }
        if (missing.isEmpty()) {
            log.info("Confirmed application " + application + " is defined on both nodes.");
            return defined;
        }
        String problem = defined.isEmpty()
                ? "Application " + application + " is not defined on either node (" + dir + " does not exist)."
                : "Application " + application + " is defined on " + String.join(", ", defined) + " but not on "
                        + String.join(", ", missing) + " (" + dir + " is missing there).";
        if (!force) {
            throw ToolException.failure(problem + "\nCheck the application name; use --force to remove what is "
                    + "left of it.");
        }
        log.warn(problem + " Removing what is left of it (--force).");
        return defined;
    }

    private void unregister(String contact) {
        Reply reply;
        try {
            reply = session.ask(contact, new ClusterRequest.DeregApp(application, true));
        } catch (WireException e) {
            throw ToolException.failure(e.getMessage() + " (" + contact + "): " + application + " was not "
                    + "unregistered and nothing was removed; check the cluster with clstat and run clremoveapp "
                    + "again.");
        }
        if (reply.isOk()) {
            log.info("Application unregistered from cluster.");
        } else if (reply.code().equals("NOT_REGISTERED")) {
            log.info("Application " + application + " was not registered with the cluster.");
        } else {
            throw ToolException.failure("The cluster daemon on " + contact + " answered DEREG_APP app="
                    + application + " forward=yes with \"" + reply.text() + "\"; nothing was removed. See its log "
                    + "(cldaemon-" + session.cluster() + ".log).");
        }
    }
}

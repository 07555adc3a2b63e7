package net.linuxha.cli.clrunapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import net.linuxha.cli.cluster.AppStatus;
import net.linuxha.cli.cluster.Applications;
import net.linuxha.cli.cluster.ChecksumGate;
import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.NodeProbe;
import net.linuxha.cli.cluster.StartOrder;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.cli.cluster.ToolLog;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireException;
import net.linuxha.common.cli.HelpOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clrunapp} (Reference 11.5, 19.2, 23): starts an application on whichever node should run it, the
 * applications it depends on first, by running {@code clstartapp} on that node. Its output always goes to the
 * terminal and it keeps no log of its own (19.2).
 *
 * <p>Exit codes: 0 started (or previewed); 1 a start failed or no node may run it; 2 usage; 3 a configuration is
 * invalid or not built; 4 the cluster is not running; 5 the application runs already; 6 a daemon gave an answer
 * that could not be understood.
 */
@Command(name = "clrunapp", sortOptions = false,
        description = {"Starts an application (and the applications it depends on) on the node that should run it.",
                "Exits 0 once it is running, 5 if it was running already."})
public final class ClrunappTool implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    @Spec
    private CommandSpec spec;

    @Option(names = {"-A", "--application"}, required = true, paramLabel = "X",
            description = "The application to start.")
    private String application;

    @Option(names = "--nodeps", description = "Do not start the applications it depends on.")
    private boolean noDeps;

    @Option(names = "--node", paramLabel = "NODE",
            description = "Start it on this node (overrides preferred_node); the node must be up and valid.")
    private String node;

    @Option(names = "--preview", description = "Show what would be started where; start nothing.")
    private boolean preview;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long each application may take to "
            + "start (default: its maxstarttime, else 30).")
    private Integer timeout;

    @Option(names = "--reset", description = "First make both nodes valid for the application again (17.2).")
    private boolean reset;

    @Option(names = "--force", description = "Pass --force to clstartapp (start without the other node).")
    private boolean force;

    @Option(names = "--reallyforce", description = "Pass --reallyforce to clstartapp (start on possibly stale "
            + "data: dangerous).")
    private boolean reallyForce;

    @Option(names = "--nolocking", description = "Pass --nolocking to clstartapp.")
    private boolean noLocking;

    @Option(names = "--nochecksums", description = "Ignore configuration checksum errors (emergencies only).")
    private boolean noChecksums;

    @Option(names = "--nologging", description = "Do not pass --verbose to clstartapp.")
    private boolean noLogging;

    @Option(names = "--localonly", description = "Accepted for compatibility; not used (19.2).")
    private boolean localOnly;

    private final ToolEnvironment env;
    private ToolLog log;
    private ClusterSession session;
    private AppConfigs configs;

    public ClrunappTool() {
        this(ToolEnvironment.system());
    }

    public ClrunappTool(ToolEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws ConfigException, WireException {
        checkUsage();
        ToolLog.quietCommandFailures();
        session = ClusterSession.open(env.loadSetup(Optional.empty()), env);
        Optional<String> requested = requestedNode();
        log = ToolLog.to(spec.commandLine().getOut(), env.clock(), "clrunapp");
        if (noChecksums) {
            log.warn("Configuration checksums are not checked (--nochecksums).");
        } else {
            ChecksumGate.require(ChecksumGate.of(env.paths(), Optional.empty()));
            log.info("Validated cluster configuration.");
        }
        configs = new AppConfigs(env.paths(), noChecksums);
        configs.validate(application);
        log.info("Validated application configuration.");
        String contact = contact();
        log.info("Successfully connected to cluster " + session.cluster() + ".");
        AppStatus status = registered(contact, application, Optional.empty());
        log.info("Verified that application " + application + " is registered.");
        log.info("Current application state : " + status.state());
        if (status.isActive()) {
            return alreadyActive(status);
        }
        List<String> order = order(contact);
        for (String dependency : order.subList(0, order.size() - 1)) {
            validateDependency(contact, dependency);
        }
        if (reset) {
            resetValidNodes(contact);
        }
        StartSequence.Settings settings = new StartSequence.Settings(requested,
                Optional.ofNullable(timeout).map(Duration::ofSeconds), preview,
                reset && preview ? Optional.of(application) : Optional.empty());
        AppStarter starter = new AppStarter(env, session,
                new StartFlags(force, reallyForce, noLocking, noChecksums, noLogging));
        new StartSequence(env, session, contact, configs, starter, settings, log).run(order, application);
        return ExitCode.SUCCESS.code();
    }

    private void checkUsage() {
        if (!NAME.matcher(application).matches()) {
            throw new ToolException(ExitCode.USAGE, "\"" + application + "\" is not an application name: use the "
                    + "name given in its appconf.xml (letters, digits, '_' and '-').");
        }
        if (timeout != null && timeout < 1) {
            throw new ToolException(ExitCode.USAGE, "--timeout needs a positive number of seconds, not " + timeout);
        }
    }

    private Optional<String> requestedNode() {
        if (node == null) {
            return Optional.empty();
        }
        return Optional.of(session.nodeOption(node));
    }

    /** The first node whose daemon is UP, this one first. */
    private String contact() {
        List<NodeProbe> probes = session.probeAll();
        Optional<String> up = probes.stream().filter(NodeProbe::isUp).map(NodeProbe::node).findFirst();
        if (up.isPresent()) {
            return up.get();
        }
        Optional<NodeProbe> forming = probes.stream().filter(NodeProbe::answered).findFirst();
        if (forming.isPresent()) {
            throw ToolException.notRunning("Cluster " + session.cluster() + " is not up yet (the cluster daemon on "
                    + forming.get().node() + " is " + ((NodeProbe.Running) forming.get()).state()
                    + "); wait for it to form, then run clrunapp again.");
        }
        throw ToolException.notRunning("Cluster " + session.cluster() + " is not running; form it with clform "
                + "first.");
    }

    private AppStatus registered(String contact, String app, Optional<String> dependent) throws WireException {
        Optional<AppStatus> status = new Applications(session, contact).status(app);
        if (status.isPresent()) {
            return status.get();
        }
        String which = dependent.map(d -> "Application " + d + " depends on " + app + ", which is not registered")
                .orElse("Application " + app + " is not registered");
        throw ToolException.failure(which + " with the cluster daemon on " + contact + ".\nBuild it with "
                + "clbuildapp --application " + app + " --build (or register it with cldaemonctl --msg \"REG_APP "
                + "app=" + app + " forward=yes\")" + dependent.map(d -> ", or start " + d + " with --nodeps.")
                .orElse("."));
    }

    private int alreadyActive(AppStatus status) {
        String where = status.node().map(n -> " on node " + n).orElse("");
        if (status.isStarted()) {
            log.info("Application " + application + " is already running" + where + " - no action taken.");
            return ExitCode.ALREADY_RUNNING.code();
        }
        boolean starting = status.state().equals("STARTING");
        throw new ToolException(starting ? ExitCode.ALREADY_RUNNING : ExitCode.FAILURE, "Application " + application
                + " is " + status.state() + where + "; wait until it is " + (starting ? "STARTED" : "DOWN")
                + " (clstat -A " + application + ")" + (starting ? "." : " before running clrunapp again."));
    }

    /** The applications to start, dependencies first, {@code application} last. */
    private List<String> order(String contact) throws WireException {
        if (noDeps) {
            log.info("Application " + application + " dependencies not checked (--nodeps).");
            return List.of(application);
        }
        Map<String, List<String>> dependencies = new HashMap<>();
        List<String> pending = new ArrayList<>(List.of(application));
        for (int i = 0; i < pending.size() && i < 1000; i++) {
            String app = pending.get(i);
            if (dependencies.containsKey(app)) {
                continue;
            }
            List<String> direct = dependsOn(contact, app);
            dependencies.put(app, direct);
            if (app.equals(application) || !direct.isEmpty()) {
                log.info("Application " + app + " depends on: " + (direct.isEmpty() ? "<NONE>"
                        : String.join(",", direct)));
            }
            pending.addAll(direct);
        }
        try {
            return StartOrder.of(List.of(application), dependencies);
        } catch (IllegalArgumentException cycle) {
            throw ToolException.config("Unable to start " + application + ": " + cycle.getMessage()
                    + "; or start it with --nodeps.");
        }
    }

    private List<String> dependsOn(String contact, String app) throws WireException {
        Reply reply = session.ask(contact, new ClusterRequest.DependsOn(app));
        if (!reply.isOk()) {
            throw new ToolException(ExitCode.NO_ANSWER, "The cluster daemon on " + contact + " answered DEPENDS_ON "
                    + "app=" + app + " with \"" + reply.text() + "\"; see its log (cldaemon-" + session.cluster()
                    + ".log), or start " + application + " with --nodeps.");
        }
        return ClusterFacts.items(reply.detail());
    }

    private void validateDependency(String contact, String dependency) throws ConfigException, WireException {
        try {
            configs.validate(dependency);
        } catch (ConfigException | ToolException e) {
            throw new ToolException(ExitCode.CONFIG, "Application " + application + " depends on " + dependency
                    + ", which cannot be validated, so neither is started:\n" + e.getMessage());
        }
        registered(contact, dependency, Optional.of(application));
    }

    private void resetValidNodes(String contact) throws WireException {
        List<String> all = session.config().nodes().stream().map(ClusterNode::name).toList();
        String nodes = String.join(",", all);
        if (preview) {
            log.info("Preview: the valid nodes of application " + application + " would be reset to " + nodes
                    + ".");
            return;
        }
        Reply reply = session.ask(contact, new ClusterRequest.SetValidNodes(application, all, true));
        if (!reply.isOk()) {
            throw ToolException.failure("The cluster daemon on " + contact + " answered SETVALIDNODES app="
                    + application + " with \"" + reply.text() + "\", so the valid nodes were not reset; see its log "
                    + "(cldaemon-" + session.cluster() + ".log).");
        }
        log.info("Reset the valid nodes of application " + application + " to " + nodes + ".");
    }
}

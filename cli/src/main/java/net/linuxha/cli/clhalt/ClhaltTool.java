package net.linuxha.cli.clhalt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import net.linuxha.cli.cluster.AppStatus;
import net.linuxha.cli.cluster.Applications;
import net.linuxha.cli.cluster.ChecksumGate;
import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.NodeProbe;
import net.linuxha.cli.cluster.SshRoute;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.cli.cluster.ToolLog;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.WireException;
import net.linuxha.common.cli.HelpOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clhalt} (Reference 13.2, 13.3): stops the cluster daemons of both nodes, refusing while applications run
 * unless {@code --force} (which stops them first); or, with {@code --node X}, only X's daemon, doing with X's
 * applications what {@code --action} says (error: refuse; halt: stop them; failover: move them to the other node).
 * Its DRBD devices are not stopped.
 *
 * <p>Exit codes: 0 halted; 1 refused (applications running) or a step failed; 2 usage; 3 configuration invalid or
 * not validated; 4 the cluster (or node X's daemon) is not running.
 */
@Command(name = "clhalt", sortOptions = false,
        description = "Stops the cluster, or the cluster services of one node.")
public final class ClhaltTool implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    /** How long to wait for the daemons to exit after ABORT. */
    static final Duration ABORT_LIMIT = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Option(names = "--force", description = "Stop running applications, then the cluster.")
    private boolean force;

    @Option(names = "--node", paramLabel = "NODE", description = "Halt the cluster services of this node only.")
    private String node;

    @Option(names = "--action", paramLabel = "error|halt|failover", defaultValue = "error",
            description = "With --node: what to do with applications running there (default ${DEFAULT-VALUE}).")
    private HaltAction action;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for each application to stop or start (default ${DEFAULT-VALUE}).")
    private int timeout;

    private final ToolEnvironment env;
    private ToolLog log;
    private ClusterSession session;

    public ClhaltTool() {
        this(ToolEnvironment.system());
    }

    public ClhaltTool(ToolEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws ConfigException, WireException {
        if (timeout < 1) {
            throw new ToolException(ExitCode.USAGE, "--timeout needs a positive number of seconds");
        }
        if (node == null && spec.commandLine().getParseResult().hasMatchedOption("--action")) {
            throw new ToolException(ExitCode.USAGE, "--action applies to --node only; to stop applications while "
                    + "halting the whole cluster use --force");
        }
        session = ClusterSession.open(env.loadSetup(Optional.empty()), env);
        log = ToolLog.to(spec.commandLine().getOut(), env.clock(), "clhalt");
        ChecksumGate.require(ChecksumGate.of(env.paths(), Optional.empty()));
        log.info("Validated checksum for cluster configuration.");
        log.info("Attempting to halt cluster " + session.cluster() + "...");
        if (node != null) {
            return haltNode(session.nodeOption(node));
        }
        return haltCluster();
    }

    private int haltCluster() throws WireException {
        log.info("Attempting to contact a cluster daemon...");
        String contact = session.answeringNode().orElseThrow(() ->
                ToolException.notRunning("Cluster " + session.cluster() + " is not running."));
        log.info("Connecting to cluster daemon via host " + contact);
        List<AppStatus> running = new Applications(session, contact).all().stream()
                .filter(AppStatus::isActive).toList();
        if (!running.isEmpty() && !force) {
            throw ToolException.failure("Unable to stop cluster - " + running.size()
                    + (running.size() == 1 ? " application is" : " applications are") + " still running");
        }
        ApplicationMover mover = mover();
        for (AppStatus app : running) {
            String where = app.node().orElse(contact);
            log.info("Attempting to stop application \"" + app.name() + "\" on " + where + "...");
            mover.stop(app.name(), where);
            log.info("Application \"" + app.name() + "\" has been halted successfully.");
        }
        log.info("Asking cluster daemons to abort...");
        List<String> alive = session.probeAll().stream().filter(NodeProbe::answered).map(NodeProbe::node).toList();
        // The other node first: a daemon that sees its peer leave first does not take it for a failure to act on.
        List<String> order = new ArrayList<>(alive);
        order.sort((a, b) -> Boolean.compare(session.isLocal(a), session.isLocal(b)));
        for (String target : order) {
            abort(target);
        }
        awaitGone(order);
        log.info("Cluster daemons aborted - cluster " + session.cluster() + " is DOWN.");
        return ExitCode.SUCCESS.code();
    }

    private int haltNode(String target) throws WireException {
        if (!session.probe(target).answered()) {
            throw ToolException.notRunning("The cluster daemon on " + target + " is not running - nothing to halt.");
        }
        List<AppStatus> onNode = new Applications(session, target).all().stream()
                .filter(app -> app.runsOn(target)).toList();
        String other = session.otherNode(target);
        if (!onNode.isEmpty()) {
            if (action == HaltAction.error) {
                throw ToolException.failure("Unable to remove node " + target + " from cluster - it has\n"
                        + onNode.size() + " applications still running.");
            }
            if (action == HaltAction.failover && !session.probe(other).isUp()) {
                throw ToolException.failure("Unable to fail over the applications of " + target + ": the cluster "
                        + "daemon on " + other + " is not UP. Use --action halt to stop them instead, or join "
                        + other + " first (clform --join).");
            }
            moveApplications(target, other, onNode);
        }
        log.info("Aborting cluster daemon on " + target + "...");
        abort(target);
        awaitGone(List.of(target));
        log.info("Cluster Daemon halted on " + target + ".");
        return ExitCode.SUCCESS.code();
    }

    private void moveApplications(String target, String other, List<AppStatus> onNode) throws WireException {
        ApplicationMover mover = mover();
        boolean routeShown = false;
        for (AppStatus app : onNode) {
            log.info("Halting application " + app.name() + " on " + target + "...");
            Duration stopped = mover.stop(app.name(), target);
            log.info("Application " + app.name() + " halted in " + stopped.toSeconds() + " seconds.");
            if (action != HaltAction.failover) {
                continue;
            }
            if (!routeShown && !session.isLocal(other)) {
                SshRoute.describe(other, session.localEntry(), env.resolver()).forEach(log::info);
                routeShown = true;
            }
            log.info("Application " + app.name() + " starting on node " + other + "...");
            Duration started = mover.start(app.name(), other);
            log.info("Application " + app.name() + " started in " + started.toSeconds() + " seconds.");
        }
    }

    private ApplicationMover mover() {
        return new ApplicationMover(session, env.poller(), env.clock(), Duration.ofSeconds(timeout));
    }

    private void abort(String target) {
        try {
            session.ask(target, new ClusterRequest.Abort(false));
        } catch (WireException e) {
            // A daemon may exit before its answer is sent; whether it went is checked next.
        }
    }

    private void awaitGone(List<String> nodes) {
        for (String target : nodes) {
            if (!env.poller().until(ABORT_LIMIT, () -> !session.probe(target).answered())) {
                throw ToolException.failure("The cluster daemon on " + target + " still answers "
                        + ABORT_LIMIT.toSeconds() + " seconds after ABORT; see its log (cldaemon-" + session.cluster()
                        + ".log on " + target + "), and end the cldaemon-" + session.cluster() + " process there.");
            }
        }
    }
}

package net.linuxha.cli.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.log.LogFiles;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.WireException;

/**
 * Forms or joins the cluster by running cldaemon on the nodes and waiting until their daemons answer UP: the shared
 * core of clform (10.3, 19.3, 25.3) and clstartup (10.4). Progress lines are the Reference's.
 */
public final class ClusterStarter {

    /** How long cldaemon may take to return once it listens (it detaches; JVM start and config load only). */
    static final Duration DAEMON_START_LIMIT = Duration.ofSeconds(90);
    /** Beyond the formation timeout: the daemons' own time-out must fire first and report its reason. */
    static final Duration WAIT_MARGIN = Duration.ofSeconds(30);
    /** Log lines of a failed formation shown to the administrator. */
    static final int LOG_LINES_SHOWN = 20;

    private final ToolEnvironment env;
    private final ClusterSession session;
    private final ToolLog log;
    private final DaemonLauncher launcher;

    public ClusterStarter(ToolEnvironment env, ClusterSession session, ToolLog log) {
        this.env = env;
        this.session = session;
        this.log = log;
        this.launcher = new DaemonLauncher(env, session);
    }

    /** What a join found and did. */
    public enum JoinOutcome { JOINED, BOTH_UP }

    /**
     * "Checking that the cluster is not already running...": neither node's daemon may answer, nor may anything
     * else hold the daemon port (25.3).
     */
    public void checkNotRunning() {
        checkNotRunning(session.nodes());
    }

    /** {@link #checkNotRunning()} for the daemons of {@code nodes} only. */
    public void checkNotRunning(List<String> nodes) {
        log.info("Checking that the cluster is not already running...");
        for (String node : nodes) {
            NodeProbe probe = session.probe(node);
            if (probe instanceof NodeProbe.Running) {
                throw new ToolException(ExitCode.ALREADY_RUNNING, "Cluster " + session.cluster()
                        + " is already running.");
            }
            if (probe instanceof NodeProbe.NoAnswer noAnswer) {
                throw new ToolException(ExitCode.ALREADY_RUNNING, "The cluster daemon port "
                        + session.config().port() + " on " + probe.node() + " is in use but gives no valid answer ("
                        + noAnswer.why() + "); stop the program holding it (a hung cldaemon, or one with another "
                        + "key), then run clform again.");
            }
        }
    }

    /** Runs {@code cldaemon --form} on {@code nodes} in turn and waits for them to form the cluster. */
    public void form(List<String> nodes, StartOptions options) {
        log.info("*** ATTEMPTING TO FORM CLUSTER " + session.cluster() + " ***");
        long logStart = logSize();
        List<String> started = new ArrayList<>();
        for (String node : nodes) {
            log.info("Starting cldaemon on " + node + "...");
            CommandResult result = launcher.run(node, options.daemonArgs(false), DAEMON_START_LIMIT);
            if (result.succeeded()) {
                started.add(node);
                continue;
            }
            String why = "Unable to start cldaemon on " + node + ": " + DaemonLauncher.failure(result);
            if (options.force() && !session.isLocal(node) && !started.isEmpty()) {
                log.warn(why + "; forming without it (--force).");
                continue;
            }
            abort(started);
            throw ToolException.failure(why + (started.isEmpty() ? "" : "\nThe cluster daemon started on "
                    + String.join(", ", started) + " has been asked to abort."));
        }
        log.info("Waiting for cluster to form...");
        Duration limit = formTimeout(options).plus(WAIT_MARGIN);
        // Stop waiting as soon as every started daemon has gone: they listened when cldaemon returned, so they
        // gave up (their log says why) and waiting longer only hides it.
        env.poller().until(limit, () -> formed(started, options.force()) || allGone(started));
        if (!formed(started, options.force())) {
            List<String> lines = new ArrayList<>(List.of("Cluster has failed to start. Log entries given below:",
                    ""));
            lines.addAll(logTail(logStart));
            if (lines.size() == 2) {
                lines.add("(no new lines in " + daemonLog() + "; check the log on each node)");
            }
            throw ToolException.failure(String.join("\n", lines));
        }
        log.info("Cluster " + session.cluster() + " started successfully.");
    }

    /**
     * {@code clform --join} (13.4, 19.3.1): exactly one node must run the cluster; cldaemon --join runs on the other,
     * whichever node this is.
     */
    public JoinOutcome join(StartOptions options) {
        log.info("Checking cluster status...");
        List<NodeProbe> probes = session.probeAll();
        long up = probes.stream().filter(NodeProbe::isUp).count();
        if (up == 2) {
            log.info("Both nodes are currently up - no action taken.");
            return JoinOutcome.BOTH_UP;
        }
        if (probes.stream().noneMatch(NodeProbe::answered)) {
            throw ToolException.notRunning("Neither node is running the cluster - no action taken. Form the "
                    + "cluster with clform instead of joining it.");
        }
        NodeProbe running = probes.stream().filter(NodeProbe::isUp).findFirst().orElseThrow(() ->
                ToolException.failure("The cluster is not UP (" + describe(probes) + "); wait until it has "
                        + "formed, then run clform --join again."));
        String joiner = session.otherNode(running.node());
        NodeProbe joinerProbe = probes.stream().filter(p -> p.node().equals(joiner)).findFirst().orElseThrow();
        if (joinerProbe.answered()) {
            throw ToolException.failure(joiner + " already runs a cluster daemon (" + describe(probes)
                    + "); wait for it to finish joining, or halt it with clhalt --node " + joiner + ".");
        }
        log.info(running.node() + " is running - " + joiner + " will attempt to join cluster.");
        log.info((options.force() ? "Forced Join" : "Join") + " of cldaemon on " + joiner + "...");
        CommandResult result = launcher.run(joiner, options.daemonArgs(true), DAEMON_START_LIMIT);
        if (!result.succeeded()) {
            throw ToolException.failure("Unable to start cldaemon --join on " + joiner + ": "
                    + DaemonLauncher.failure(result));
        }
        log.info("Waiting for " + joiner + " to join the cluster...");
        Duration limit = formTimeout(options).plus(WAIT_MARGIN);
        if (!env.poller().until(limit, () -> session.probe(joiner).isUp())) {
            throw ToolException.failure("Node " + joiner + " did not join the cluster within " + limit.toSeconds()
                    + " seconds; see " + daemonLog() + " on " + joiner + ".");
        }
        log.info("Node " + joiner + " successfully joined cluster.");
        return JoinOutcome.JOINED;
    }

    /** The formation time-out: --timeout, else timings.clusterform (default 300 s). */
    public Duration formTimeout(StartOptions options) {
        return options.timeout().orElse(session.config().timings().clusterform());
    }

    private boolean formed(List<String> started, boolean force) {
        int up = 0;
        for (String node : started) {
            NodeProbe probe = session.probe(node);
            if (probe.isUp()) {
                up++;
            } else if (!(force && !session.isLocal(node) && probe instanceof NodeProbe.Down)) {
                return false;
            }
        }
        return up > 0;
    }

    private boolean allGone(List<String> started) {
        return started.stream().allMatch(node -> session.probe(node) instanceof NodeProbe.Down);
    }

    private void abort(List<String> nodes) {
        for (String node : nodes) {
            try {
                session.ask(node, new ClusterRequest.Abort(false));
            } catch (WireException e) {
                // An aborting daemon may exit before it answers; the abort was delivered or it is gone already.
            }
        }
    }

    private static String describe(List<NodeProbe> probes) {
        List<String> parts = new ArrayList<>();
        for (NodeProbe probe : probes) {
            parts.add(probe.node() + ": " + (probe instanceof NodeProbe.Running r ? r.state() : "no daemon"));
        }
        return String.join(", ", parts);
    }

    private Path daemonLog() {
        return new LogFiles(session.setup().paths()).clusterDaemon(session.cluster());
    }

    private long logSize() {
        try {
            return Files.size(daemonLog());
        } catch (IOException e) {
            return 0;
        }
    }

    /** The last lines this node's cldaemon wrote since {@code from}. */
    private List<String> logTail(long from) {
        Path file = daemonLog();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = from <= length ? from : 0;
            long read = Math.min(length - start, 64 * 1024);
            byte[] bytes = new byte[(int) read];
            in.seek(length - read);
            in.readFully(bytes);
            List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n")));
            lines.removeIf(String::isBlank);
            return lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size());
        } catch (IOException e) {
            return List.of();
        }
    }
}

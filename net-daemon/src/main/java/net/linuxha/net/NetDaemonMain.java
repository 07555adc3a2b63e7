package net.linuxha.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.DaemonCall;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.HelpOption;
import net.linuxha.common.cli.LogOptions;
import net.linuxha.common.cli.SystemExit;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.cli.ToolRunner;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.daemon.DaemonDetach;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogFiles;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.LinkState;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.wire.ControlRequest;
import net.linuxha.common.wire.NetRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireException;
import net.linuxha.common.wire.WireServer;
import net.linuxha.net.daemon.NetDaemon;
import net.linuxha.net.daemon.NetDaemonParts;
import net.linuxha.net.daemon.NetRequestHandler;
import net.linuxha.net.io.LogSink;

/**
 * {@code clnetd}, the cluster network daemon ({@code clnetd-<cluster>}, Reference 5.6, 21.2.1): in three steps, load
 * and check clconf.xml, wire the parts, then listen on {@code global.clnetdport} (loopback only: only this node's
 * clnetdctl talks to it) and poll the cards until {@code ABORT} or a TERM signal.
 *
 * <pre>
 * clnetd --detach [--verbose] [--file -|FILE]   start in the background; exit 0 once it listens
 * clnetd [--verbose] [--file -|FILE]            run in the foreground (the launcher does this for --detach)
 * clnetd --msg "REREAD"                         send one request to the running daemon, print its answer
 * </pre>
 */
@Command(name = "clnetd", sortOptions = false, usageHelpAutoWidth = true,
        description = "The cluster network daemon: watches the link of every card of this node's networks, moves the "
                + "IP addresses of a card that lost its link to another card of the same network, and tells the "
                + "cluster daemon when a network has no working card left (Reference 5.6, 21.2.1).")
public final class NetDaemonMain implements Callable<Integer> {

    /** How long --detach waits for the background daemon to listen. */
    static final Duration START_LIMIT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger("clnetd");

    @Spec
    private CommandSpec spec;

    @Mixin
    private LogOptions logging;

    @Mixin
    HelpOption help = new HelpOption();

    @Option(names = "--detach", description = "Run in the background, in a session of its own. Returns once the "
            + "daemon answers on global.clnetdport (exit 0), or fails with the reason it stopped.")
    private boolean detach;

    @Option(names = "--msg", paramLabel = "REQUEST", description = "Send one request to this node's running network "
            + "daemon and print the answer: REREAD [network=NAME], NET_STATUS [network=NAME], ECHO, HELP, ABORT, "
            + "VERBOSE on=true|off=true, LOGCYCLE count=N.")
    private String message;

    @Option(names = "--poll-interval", paramLabel = "MS", defaultValue = "50", description = "How often the link "
            + "of every card is read, in milliseconds, from 1 to 200 (default ${DEFAULT-VALUE}).")
    private long pollMillis;

    private final ClusterPaths paths;
    private final CommandRunner runner;
    private final CountDownLatch stop = new CountDownLatch(1);

    public NetDaemonMain() {
        this(ClusterPaths.system(), new ProcessCommandRunner());
    }

    public NetDaemonMain(ClusterPaths paths, CommandRunner runner) {
        this.paths = paths;
        this.runner = runner;
    }

    public static void main(String[] args) {
        ToolRunner.run(new NetDaemonMain(), args, SystemExit.jvm());
    }

    @Override
    public Integer call() throws Exception {
        ClusterSetup setup = ClusterSetup.load(paths);
        setup.local();
        int port = setup.config().clnetdPort().orElseThrow(() -> ToolException.config("the network daemon has no "
                + "port: " + paths.clconf() + " does not set <clnetdport> in <global>; add e.g. "
                + "<clnetdport>9850</clnetdport> on both nodes, run clbuild, then start clnetd again"));
        WireClient self = new WireClient(ClusterSetup.localAddress(port), "network daemon", quick(setup));
        if (message != null) {
            return send(self);
        }
        NetTimings timings = timings();
        if (answers(self)) {
            throw new ToolException(ExitCode.ALREADY_RUNNING, "clnetd-" + setup.config().name() + " is already "
                    + "running on this node (it answers on port " + port + "); stop it first with: clnetd --msg ABORT");
        }
        if (detach) {
            return detach(setup, self, port);
        }
        return runInForeground(setup, port, timings);
    }

    /** Ends a foreground daemon as ABORT does (tests; the TERM signal goes through the shutdown hook). */
    public void stop() {
        stop.countDown();
    }

    private int runInForeground(ClusterSetup setup, int port, NetTimings timings) throws InterruptedException {
        String cluster = setup.config().name();
        LogControl logs = logging.startLogging(new LogDestination.LogFile(new LogFiles(paths).netDaemon(cluster)));
        WireClient cldaemon = new WireClient(ClusterSetup.localAddress(setup.config().port()), "local cluster daemon",
                quick(setup));
        NetDaemonParts parts = NetDaemonParts.shell(timings, () -> ClusterSetup.load(paths), runner, new LinkState(),
                cldaemon, LogSink.of(LOG));
        ExecutorService io = Executors.newSingleThreadExecutor();
        CountDownLatch finished = new CountDownLatch(1);
        try (NetDaemon daemon = new NetDaemon(parts)) {
            WireServer server;
            try {
                server = WireServer.start(ClusterSetup.localAddress(port), setup.wireContext(), NetRequest.VOCABULARY,
                        new NetRequestHandler(daemon, Optional.of(logs), io, this::stop));
            } catch (IOException e) {
                throw new ToolException(ExitCode.FAILURE, e.getMessage(), e);
            }
            Thread hook = new Thread(() -> {
                stop();
                awaitQuietly(finished);
            }, "clnetd-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            daemon.start();
            LOG.info("Network daemon clnetd-{} started (pid {}), listening on port {}, reading the cards' link every "
                    + "{} ms", cluster, ProcessHandle.current().pid(), port, timings.pollInterval().toMillis());
            try {
                stop.await();
            } finally {
                server.close();
            }
            LOG.info("Network daemon clnetd-{} stopping; IP addresses stay where they are", cluster);
        } finally {
            io.shutdownNow();
            finished.countDown();
        }
        return ExitCode.SUCCESS.code();
    }

    private int detach(ClusterSetup setup, WireClient self, int port) throws InterruptedException {
        String cluster = setup.config().name();
        Path log = new LogFiles(paths).netDaemon(cluster);
        DaemonDetach.refuseTerminalLog(logging.file(), log);
        Path launcher = DaemonDetach.launcher(Optional.ofNullable(System.getProperty("linuxha.home")).map(Path::of),
                "clnetd");
        DaemonDetach.Launch launch = DaemonDetach.Launch.of("clnetd-" + cluster, launcher,
                DaemonDetach.withoutDetach(spec.commandLine().getParseResult().originalArgs()),
                LogFiles.detachOutput(log), START_LIMIT);
        long pid = new DaemonDetach(runner).detach(launch, DaemonDetach.Readiness.when(() -> answers(self)));
        spec.commandLine().getOut().println("clnetd-" + cluster + " started (pid " + pid + "), listening on port "
                + port + "; log " + log);
        return ExitCode.SUCCESS.code();
    }

    private int send(WireClient self) {
        Reply reply = DaemonCall.send(self, message);
        DaemonCall.print(spec.commandLine().getOut(), reply);
        return reply.isError() ? ExitCode.FAILURE.code() : ExitCode.SUCCESS.code();
    }

    private NetTimings timings() {
        try {
            return new NetTimings(Duration.ofMillis(pollMillis), NetTimings.defaults().carrierSettle(),
                    NetTimings.defaults().lossConfirm(), NetTimings.defaults().holdPeriod()).validate();
        } catch (IllegalArgumentException e) {
            throw new ToolException(ExitCode.USAGE, "--poll-interval " + pollMillis + ": " + e.getMessage());
        }
    }

    private static boolean answers(WireClient daemon) {
        try {
            return daemon.send(new ControlRequest.Echo()).text().equals("UP");
        } catch (WireException e) {
            return false;
        }
    }

    /** The cluster's wire context with timeouts for loopback: a local daemon answers at once or not at all. */
    private static WireContext quick(ClusterSetup setup) {
        WireContext context = setup.wireContext();
        return context.withSettings(context.settings().withConnectTimeout(Duration.ofSeconds(1))
                .withRequestTimeout(Duration.ofSeconds(5)));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

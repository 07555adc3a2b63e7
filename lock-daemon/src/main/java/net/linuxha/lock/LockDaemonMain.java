package net.linuxha.lock;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.linuxha.common.cli.HelpOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.LogOptions;
import net.linuxha.common.cli.SystemExit;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.cli.ToolRunner;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.LockConfig;
import net.linuxha.common.config.Loaded;
import net.linuxha.common.daemon.DaemonDetach;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogFiles;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.wire.ControlRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireException;

/**
 * {@code cllockd}: the cluster lock daemon of one node (Reference 5.5, 7.2.3). Reads clconf.xml (its port is
 * {@code global.clport}) and cllocks.xml, then serves lock requests until ABORT or a signal; with {@code --detach}
 * it starts itself in the background and returns once that daemon answers.
 */
@Command(name = "cllockd", 
        description = {"The cluster lock daemon: hands out the node-local locks of cllocks.xml (NET, NBD_CLIENT,"
                + " NBD_SERVER) to the cluster tools, one holder at a time, each for at most its maxt seconds."})
public final class LockDaemonMain implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    private static final Logger LOG = LoggerFactory.getLogger(LockDaemonMain.class);
    private static final String DAEMON = "lock daemon";
    /** How long --detach waits for the detached daemon to answer; a JVM start takes a few seconds at most. */
    private static final Duration DETACH_LIMIT = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Mixin
    private LogOptions logging;

    @Option(names = "--detach",
            description = "Run in the background, in a session of its own; return once the daemon listens.")
    private boolean detach;

    private final ClusterPaths paths;
    private final Clock clock;

    public LockDaemonMain() {
        this(ClusterPaths.system(), Clock.systemDefaultZone());
    }

    LockDaemonMain(ClusterPaths paths, Clock clock) {
        this.paths = Objects.requireNonNull(paths, "paths");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static void main(String[] args) {
        ToolRunner.run(new LockDaemonMain(), args, SystemExit.jvm());
    }

    @Override
    public Integer call() throws ConfigException, IOException, InterruptedException {
        ClusterSetup setup = ClusterSetup.load(paths);
        int port = setup.config().clPort().orElseThrow(() -> ToolException.config(paths.clconf()
                + ": <global><clport> is not set, so cluster lock support is disabled (Reference 7.2.1);"
                + " add e.g. <clport>9849</clport> to <global> on both nodes to run the lock daemon"));
        Loaded<LockConfig> locks = LockConfig.load(paths.cllocks());
        String cluster = setup.config().name();
        WireContext wire = setup.wireContext();
        if (answersEcho(ClusterSetup.localAddress(port), wire)) {
            throw new ToolException(ExitCode.ALREADY_RUNNING, "Locking daemon already appears to be running: a lock"
                    + " daemon answers on port " + port + "; stop it first (kill the process cllockd-" + cluster
                    + ") if it is to be restarted");
        }
        if (detach) {
            return detach(cluster, port, wire);
        }
        return serve(setup, locks, port, wire);
    }

    private int serve(ClusterSetup setup, Loaded<LockConfig> locks, int port, WireContext wire)
            throws IOException, InterruptedException {
        String cluster = setup.config().name();
        LogControl logs = logging.startLogging(new LogDestination.LogFile(new LogFiles(paths).lockDaemon(cluster)),
                clock);
        setup.warnings().forEach(LOG::warn);
        locks.warningLines().forEach(LOG::warn);
        LockDaemon daemon;
        try {
            daemon = LockDaemon.start(locks.config(), new InetSocketAddress(port), wire, clock, Optional.of(logs));
        } catch (IOException e) {
            LOG.error(e.getMessage());
            throw new ToolException(ExitCode.FAILURE, e.getMessage(), e);
        }
        Thread hook = new Thread(daemon::close, "cllockd-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.info("Lock daemon cllockd-{} started on port {} (pid {}); locks: {}", cluster, port,
                ProcessHandle.current().pid(), describe(locks.config()));
        daemon.awaitStopped();
        LOG.info("Lock daemon cllockd-{} stopped", cluster);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Stopped by a signal: the hook is running.
        }
        return ExitCode.SUCCESS.code();
    }

    private int detach(String cluster, int port, WireContext wire) throws InterruptedException {
        Path log = new LogFiles(paths).lockDaemon(cluster);
        DaemonDetach.refuseTerminalLog(logging.file(), log);
        Path launcher = DaemonDetach.launcher(Optional.ofNullable(System.getProperty("linuxha.home")).map(Path::of),
                "cllockd");
        DaemonDetach.Launch launch = DaemonDetach.Launch.of("cllockd-" + cluster, launcher,
                DaemonDetach.withoutDetach(spec.commandLine().getParseResult().originalArgs()),
                LogFiles.detachOutput(log), DETACH_LIMIT);
        long pid = new DaemonDetach(new ProcessCommandRunner()).detach(launch,
                DaemonDetach.Readiness.when(() -> answersEcho(ClusterSetup.localAddress(port), wire)));
        spec.commandLine().getOut().println("Successfully started locking daemon cllockd-" + cluster + " (pid " + pid
                + ", port " + port + ").");
        return ExitCode.SUCCESS.code();
    }

    /** True when a lock daemon answers ECHO at {@code address} with UP. */
    static boolean answersEcho(InetSocketAddress address, WireContext wire) {
        WireContext quick = wire.withSettings(wire.settings().withConnectTimeout(Duration.ofSeconds(2))
                .withRequestTimeout(Duration.ofSeconds(5)));
        try {
            Reply reply = new WireClient(address, DAEMON, quick).send(new ControlRequest.Echo());
            return reply.text().equals("UP");
        } catch (WireException e) {
            return false;
        }
    }

    private static String describe(LockConfig locks) {
        return locks.locks().values().stream()
                .map(l -> l.name() + " (" + l.maxHold().toSeconds() + " s)")
                .collect(Collectors.joining(", "));
    }
}

package net.linuxha.cluster;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import net.linuxha.cluster.daemon.ClusterDaemon;
import net.linuxha.cluster.daemon.DaemonClock;
import net.linuxha.cluster.daemon.StartMode;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.LogOptions;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.daemon.DaemonDetach;
import net.linuxha.common.daemon.LocalPort;
import net.linuxha.common.daemon.OutcomeFile;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogFiles;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.wire.WireContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.linuxha.common.cli.HelpOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cldaemon}: the cluster daemon's command line (10.1, 10.2, 25.3). Parse and validate (clconf.xml through
 * {@link ClusterSetup}, the options), then either re-launch detached ({@link DaemonDetach}) or wire and run a
 * {@link ClusterDaemon} until it ends; the exit code says how it ended.
 */
@Command(name = "cldaemon", sortOptions = false,
        description = "The cluster daemon: forms or joins the cluster, exchanges heartbeats with the other node "
                + "and keeps the state of the applications.")
public final class CldaemonCommand implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    private static final Logger LOG = LoggerFactory.getLogger("cldaemon");

    @Spec
    private CommandSpec spec;

    @Mixin
    private LogOptions logging;

    @Option(names = "--form", description = "Form the cluster (both nodes started at about the same time).")
    private boolean form;

    @Option(names = "--join", description = "Join the cluster already running on the other node.")
    private boolean join;

    @Option(names = "--force", description = "Form even alone after the timeout, or with clocks over 10 minutes "
            + "apart.")
    private boolean force;

    @Option(names = "--detach", description = "Run in the background; return once it listens on the cluster port "
            + "(exit 0) or has failed (non-zero, reason on standard error).")
    private boolean detach;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "How long to wait for the other node; overrides timings/clusterform of clconf.xml.")
    private Integer timeout;

    /** Names the file the detached daemon tells its start-up outcome in ({@link OutcomeFile}); clform relies on it. */
    static final String OUTCOME_ENV = "LINUXHA_CLDAEMON_OUTCOME";
    /** How long --detach waits for the detached daemon to listen. */
    static final Duration DETACH_LIMIT = Duration.ofSeconds(90);

    private final List<String> arguments;
    private final ClusterPaths paths;

    /** @param arguments the command line as given, re-used by --detach */
    public CldaemonCommand(List<String> arguments, ClusterPaths paths) {
        this.arguments = List.copyOf(arguments);
        this.paths = paths;
    }

    @Override
    public Integer call() throws Exception {
        if (form == join) {
            throw new ToolException(ExitCode.USAGE, "Give exactly one of --form (form a new cluster) or --join "
                    + "(join the cluster running on the other node).");
        }
        if (timeout != null && timeout <= 0) {
            throw new ToolException(ExitCode.USAGE, "--timeout must be a positive number of seconds, not "
                    + timeout + ".");
        }
        try {
            ClusterDaemon.checkEnvironment();
        } catch (IllegalArgumentException e) {
            throw new ToolException(ExitCode.USAGE, e.getMessage());
        }
        ClusterSetup setup = ClusterSetup.load(paths);
        setup.local();
        Path home = Path.of(System.getProperty("linuxha.home", "/opt/linuxha"));
        ProcessCommandRunner runner = new ProcessCommandRunner();
        if (detach) {
            return detach(setup, home, runner);
        }
        Clock clock = DaemonClock.of(Clock.systemDefaultZone());
        LogControl logs = logging.startLogging(new LogDestination.LogFile(new LogFiles(paths)
                .clusterDaemon(setup.config().name())), clock);
        // Echo probes that get no answer are expected (a network is down); the heartbeat monitor says what they
        // mean, so the shell layer's own line per failed command would only repeat it every second.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ProcessCommandRunner.class))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        setup.warnings().forEach(w -> LOG.warn("{}", w));
        DaemonClock.offset().ifPresent(o -> LOG.warn("LAB-ONLY clock offset of {} seconds is in effect ({})",
                o.toSeconds(), DaemonClock.ENVIRONMENT));
        WireContext base = setup.wireContext();
        WireContext wire = new WireContext(base.key(), base.settings(), clock, base.random());
        Optional<Path> outcome = OutcomeFile.fromEnvironment(OUTCOME_ENV);
        StartMode mode = new StartMode(join, force, Optional.ofNullable(timeout).map(Duration::ofSeconds));
        ClusterDaemon daemon = new ClusterDaemon(new ClusterDaemon.Settings(setup, mode, clock, wire, runner, home,
                logs, new java.net.InetSocketAddress(setup.config().port()), null, outcome));
        try {
            daemon.start();
        } catch (java.io.IOException e) {
            throw new ToolException(ExitCode.FAILURE, e.getMessage(), e);
        }
        ExitCode code = daemon.finished().join();
        LOG.info("Cluster daemon on {} exits ({})", setup.localNode(), code);
        return code.code();
    }

    /**
     * {@code --detach}: the same command line minus {@code --detach}, detached; exit 0 once it listens on the cluster
     * port (it writes LISTENING to its outcome file), 1 with its reason when it cannot, 5 when a daemon already
     * listens there.
     */
    private int detach(ClusterSetup setup, Path home, ProcessCommandRunner runner)
            throws java.io.IOException, InterruptedException {
        Path log = new LogFiles(paths).clusterDaemon(setup.config().name());
        DaemonDetach.refuseTerminalLog(logging.file(), log);
        Path launcher = DaemonDetach.launcher(Optional.of(home), "cldaemon");
        int port = setup.config().port();
        if (LocalPort.accepts(port)) {
            throw new ToolException(ExitCode.ALREADY_RUNNING, "a cluster daemon already listens on port " + port
                    + " of " + setup.localNode() + "; stop it first (clhalt --node " + setup.localNode() + ")");
        }
        try (OutcomeFile outcome = OutcomeFile.create(paths.runDir(), "cldaemon-")) {
            DaemonDetach.Launch launch = DaemonDetach.Launch.of("cldaemon-" + setup.config().name(), launcher,
                    DaemonDetach.withoutDetach(arguments), LogFiles.detachOutput(log), DETACH_LIMIT)
                    .withEnv(OUTCOME_ENV, outcome.path().toString());
            new DaemonDetach(runner).detach(launch, outcome);
        }
        return ExitCode.SUCCESS.code();
    }
}

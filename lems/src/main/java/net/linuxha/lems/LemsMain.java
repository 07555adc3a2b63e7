package net.linuxha.lems;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.HelpOption;
import net.linuxha.common.cli.LogOptions;
import net.linuxha.common.cli.SystemExit;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.cli.ToolRunner;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.daemon.DaemonDetach;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.LemsConfig;
import net.linuxha.common.config.Loaded;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogFiles;
import net.linuxha.common.log.LogLine;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.shell.RemoteShell;
import net.linuxha.common.wire.LemsRequest;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireException;
import net.linuxha.lems.action.ExitReason;
import net.linuxha.lems.daemon.LemsCheckMode;
import net.linuxha.lems.daemon.LemsDaemon;
import net.linuxha.lems.daemon.LemsLocations;
import net.linuxha.lems.daemon.MonitorServices;
import net.linuxha.lems.daemon.PortProbe;
import net.linuxha.lems.daemon.ShellProgramRunner;
import net.linuxha.lems.daemon.WireClusterDaemonLink;
import net.linuxha.lems.modules.MonitorRegistry;
import net.linuxha.lems.schedule.Schedule;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.SystemFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code lems} daemon (Reference 5.7, 9.3, 16.9, 24): monitors one application with the checks of its
 * {@code lems.local.xml} and answers {@code lemsctl} on the port of that file's globals, encrypted with the cluster
 * key of clconf.xml.
 *
 * <pre>
 * lems -A apache [--config FILE] [--verbose] [--file -|FILE]     run in the foreground until ABORT or fail-over
 * lems -A apache --detach ...                                     the same in the background; returns once it listens
 * lems -A apache --check [--verbose]                              validate, copy the file to the other node, report
 * </pre>
 *
 * Main in three steps: read and validate clconf.xml and lems.local.xml; build the engine and server; run.
 */
@Command(name = "lems",
        description = "Monitor one application with the checks of its lems.local.xml (Linux Event Management System).")
public final class LemsMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(LemsMain.class);
    private static final Duration EXIT_WAIT = Duration.ofHours(1);
    /** How long --detach waits: Lems validates its monitors before it listens, and a slow node gets this long. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    private CommandSpec spec;

    // -V is --verbose in every linuxha tool (LogOptions), so picocli's standard -V/--version is not mixed in.
    @Mixin
    HelpOption help = new HelpOption();

    @Mixin
    private LogOptions logging;

    @Option(names = {"-A", "--application"}, required = true, paramLabel = "APPLICATION",
            description = "The application to monitor.")
    private String application;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The Lems configuration (default /etc/cluster/APPLICATION/lems.local.xml).")
    private Path configFile;

    @Option(names = "--check", description = "Validate the configuration and the port on both nodes, copy the file "
            + "to the other node, report the check interval, and exit.")
    private boolean check;

    @Option(names = "--detach", description = "Run in the background; returns once the daemon listens.")
    private boolean detach;

    private final ClusterPaths paths;
    private final CommandRunner runner;
    private final Clock clock;
    private final Optional<Path> home;
    private final Optional<InetAddress> bindHost;

    /** Production: the system paths, real processes, the launcher's {@code linuxha.home}, every interface. */
    public LemsMain() {
        this(ClusterPaths.system(), new ProcessCommandRunner(), Clock.systemDefaultZone(),
                Optional.ofNullable(System.getProperty("linuxha.home")).map(Path::of), Optional.empty());
    }

    /**
     * @param home     the installation whose {@code bin/lems} {@code --detach} starts
     * @param bindHost the address to listen on; empty for every interface (clstat and lemsctl on the other node
     *                 reach Lems directly)
     */
    public LemsMain(ClusterPaths paths, CommandRunner runner, Clock clock, Optional<Path> home,
                    Optional<InetAddress> bindHost) {
        this.paths = Objects.requireNonNull(paths, "paths");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.home = Objects.requireNonNull(home, "home");
        this.bindHost = Objects.requireNonNull(bindHost, "bindHost");
    }

    public static void main(String[] args) {
        ToolRunner.run(new LemsMain(), args, SystemExit.jvm());
    }

    @Override
    public Integer call() throws ConfigException, IOException, InterruptedException {
        ClusterSetup setup = ClusterSetup.load(paths);
        Path file = configFile != null ? configFile : paths.lemsConfig(application);
        Loaded<LemsConfig> loaded = LemsConfig.load(file);
        if (check) {
            return checkMode(setup, file, loaded);
        }
        if (detach) {
            return detached(setup, loaded.config());
        }
        return runDaemon(setup, file, loaded);
    }

    private int checkMode(ClusterSetup setup, Path file, Loaded<LemsConfig> loaded) throws ConfigException {
        LogControl logs = logging.startLogging(logging.terminal(), clock);
        try {
            loaded.warnings().forEach(w -> LOG.warn("{}", w));
            RemoteShell remote = new RemoteShell(runner, setup.peer().name());
            LemsConfig config = loaded.config();
            MonitorContext context = monitorContext(setup, config);
            MonitorRegistry registry = MonitorRegistry.loadWithJars(config.modules(), getClass().getClassLoader());
            LemsCheckMode.Outcome outcome = new LemsCheckMode(application, file, config, paths, remote, registry,
                    context).run();
            outcome.problems().forEach(p -> LOG.error("{}", p));
            String intervalLine = LemsCheckMode.intervalLine(outcome.checkInterval());
            if (logs.isVerbose()) {
                LOG.info(intervalLine);
            } else {
                out().print(LogLine.format("INFO", clock.instant(), clock.getZone(), intervalLine));
                out().flush();
            }
            if (!outcome.valid()) {
                throw new ToolException(ExitCode.CONFIG, "lems --check found " + outcome.problems().size()
                        + " problem(s) in the Lems configuration of " + application + " (" + file + "); fix them and "
                        + "run lems --check again");
            }
            return ExitCode.SUCCESS.code();
        } finally {
            logs.close();
        }
    }

    private int detached(ClusterSetup setup, LemsConfig config) throws InterruptedException {
        Optional<String> busy = PortProbe.localProblem(config.port());
        if (busy.isPresent()) {
            throw new ToolException(ExitCode.ALREADY_RUNNING, "cannot start the Lems of " + application + ": "
                    + busy.get() + "; is it already running? (lemsctl --application " + application
                    + " --msg GET_STAT)");
        }
        Path log = LemsLocations.logFile(application, config, paths);
        DaemonDetach.refuseTerminalLog(logging.file(), log);
        Path launcher = DaemonDetach.launcher(home, "lems");
        DaemonDetach.Launch launch = DaemonDetach.Launch.of("lems-" + application, launcher,
                DaemonDetach.withoutDetach(spec.commandLine().getParseResult().originalArgs()),
                LogFiles.detachOutput(log), READY_TIMEOUT);
        WireClient lems = new WireClient(ClusterSetup.localAddress(config.port()), "Lems daemon on port "
                + config.port(), setup.wireContext());
        long pid = new DaemonDetach(runner).detach(launch, DaemonDetach.Readiness.when(() -> answers(lems)));
        out().println("Lems for " + application + " started in the background (pid " + pid
                + "), listening on port " + config.port() + ".");
        out().flush();
        return ExitCode.SUCCESS.code();
    }

    private static boolean answers(WireClient lems) {
        try {
            lems.send(new LemsRequest.GetStat(Optional.empty()));
            return true;
        } catch (WireException notYet) {
            return false;
        }
    }

    private int runDaemon(ClusterSetup setup, Path file, Loaded<LemsConfig> loaded) throws InterruptedException {
        LemsConfig config = loaded.config();
        LogControl logs = logging.startLogging(new LogDestination.LogFile(
                LemsLocations.logFile(application, config, paths)), clock);
        LemsDaemon daemon;
        try {
            LOG.info("Lems for {} starting with {}", application, file);
            loaded.warnings().forEach(w -> LOG.warn("{}", w));
            WireClient cluster = new WireClient(ClusterSetup.localAddress(setup.config().port()),
                    "local cluster daemon", setup.wireContext());
            InetSocketAddress bind = bindHost.map(h -> new InetSocketAddress(h, config.port()))
                    .orElseGet(() -> new InetSocketAddress(config.port()));
            daemon = LemsDaemon.start(new LemsDaemon.Setup(application, file, config, paths, setup.wireContext(),
                    bind, new WireClusterDaemonLink(cluster), new ShellProgramRunner(runner), clock,
                    Schedule.DEFAULT_RUN_TIMEOUT, Optional.of(logs), MonitorServices.of(setup, runner, cluster)));
        } catch (IOException e) {
            logs.close();
            throw new ToolException(ExitCode.ALREADY_RUNNING, "the Lems of " + application + " cannot start: "
                    + e.getMessage());
        }
        Thread onSignal = new Thread(() -> {
            LOG.warn("Lems for {} stopped by a signal", application);
            daemon.close();
        }, "lems-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        Optional<ExitReason> reason = Optional.empty();
        try {
            while (reason.isEmpty()) {
                reason = daemon.awaitExit(EXIT_WAIT);
            }
        } finally {
            daemon.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
        LOG.info("Lems for {} exits: {}", application, reason.get());
        logs.close();
        return ExitCode.SUCCESS.code();
    }

    private MonitorContext monitorContext(ClusterSetup setup, LemsConfig config) {
        WireClient cluster = new WireClient(ClusterSetup.localAddress(setup.config().port()), "local cluster daemon",
                setup.wireContext());
        return new MonitorContext(application, "", paths, clock, new ShellProgramRunner(runner), SystemFiles.system(),
                config.programs(), LemsLocations.logsDir(config, paths), MonitorServices.of(setup, runner, cluster));
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}

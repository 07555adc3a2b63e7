package net.linuxha.cli.clbuildapp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import ch.qos.logback.classic.Level;
import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.PeerNode;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.HelpOption;
import net.linuxha.common.cli.LogOptions;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClconfPermissions;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.shell.MountDriver;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.storage.ApplicationStorage;
import net.linuxha.common.storage.SyncOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clbuildapp -A APP [-V] [-F] --check|--vgbuild|--build [--fsmap]|--sync [--forcesync]} (Reference 8.3-8.7,
 * 14.7-14.10, 18, 19.1): checks an application's configuration and both nodes, replicates its volume group layout,
 * allocates its resources on both nodes and synchronises its file systems to the other node. With --force it
 * rebuilds a built (even running) application: file systems added, removed or grown.
 */
@Command(name = "clbuildapp", sortOptions = false,
        description = {"Check, build and synchronise an application of the cluster (Reference 8).",
                "Run the stages in order on the node where the application's file systems are mounted: --check, "
                        + "--vgbuild, --build, --sync. Exits 0 when the stage completed; non-zero with every problem "
                        + "listed as ERROR lines otherwise."})
public final class ClbuildappTool implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    private static final Logger LOG = LoggerFactory.getLogger(Clbuildapp.class);

    @Option(names = {"-A", "--application"}, required = true, paramLabel = "APP",
            description = "The application to check, build or synchronise (/etc/cluster/APP/appconf.xml).")
    String application;

    @Mixin
    LogOptions logging;

    @Option(names = "--check", description = "Only validate the configuration and both nodes; change nothing.")
    boolean check;

    @Option(names = "--vgbuild", description = "Give the other node the same logical volumes (names and sizes) and "
            + "create the DRBD meta data volumes on both nodes.")
    boolean vgbuild;

    @Option(names = "--build", description = "Allocate ports and DRBD devices on both nodes, write the fsmap, DRBD "
            + "resources and build checksum on both, copy the application's files to the other node, register "
            + "with a running cluster.")
    boolean build;

    @Option(names = "--sync", description = "Unmount the file systems here and copy their data to the other node "
            + "through DRBD, with progress lines.")
    boolean sync;

    @Option(names = "--forcesync", description = "With --sync: resynchronise everything, even what DRBD believes "
            + "is in sync (after file systems were changed outside DRBD, 8.6.1).")
    boolean forceSync;

    @Option(names = {"-F", "--force"}, description = "Rebuild an application that is built already, or running: "
            + "file systems added, removed or grown (18).")
    boolean force;

    @Option(names = "--fsmap", description = "With --build --force for an application that is not running: read "
            + "its file systems from what is mounted now instead of keeping the existing fsmap (18.1.2).")
    boolean fsmap;

    private final Clock clock;

    public ClbuildappTool() {
        this(Clock.systemDefaultZone());
    }

    ClbuildappTool(Clock clock) {
        this.clock = clock;
    }

    /** The request the options make; a {@link ToolException} (USAGE) naming the mistake otherwise. */
    Request request() {
        List<Stage> stages = new ArrayList<>();
        if (check) {
            stages.add(Stage.CHECK);
        }
        if (vgbuild) {
            stages.add(Stage.VGBUILD);
        }
        if (build) {
            stages.add(Stage.BUILD);
        }
        if (sync) {
            stages.add(Stage.SYNC);
        }
        if (stages.size() != 1) {
            throw new ToolException(ExitCode.USAGE, (stages.isEmpty() ? "No stage given" : "Only one stage at a "
                    + "time (" + String.join(", ", stages.stream().map(Stage::option).toList()) + " given)")
                    + ": use one of --check, --vgbuild, --build, --sync, in that order (8.3)");
        }
        Stage stage = stages.get(0);
        if (forceSync && stage != Stage.SYNC) {
            throw new ToolException(ExitCode.USAGE, "--forcesync only goes with --sync");
        }
        if (fsmap && stage != Stage.BUILD) {
            throw new ToolException(ExitCode.USAGE, "--fsmap only goes with --build (and --force, 18.1.2)");
        }
        if (application.isBlank() || application.contains("/") || application.contains(".")) {
            throw new ToolException(ExitCode.USAGE, "Application name \"" + application + "\" is not valid: it is "
                    + "the name of its directory under /etc/cluster, without '/' or '.'");
        }
        return new Request(application, stage, force, forceSync, fsmap);
    }

    @Override
    public Integer call() throws InterruptedException {
        Request request = request();
        logging.startLogging(logging.terminal(), clock);
        quiet(ProcessCommandRunner.class);
        ClusterPaths paths = ClusterPaths.system();
        ProcessCommandRunner runner = new ProcessCommandRunner();
        AppEnvironment env = new AppEnvironment(paths, runner, ClusterSetup.hostName(), ClconfPermissions.system(),
                new MountDriver(runner), AppEnvironment::deviceNumberOf,
                peer -> PeerNode.overSsh(runner, peer, paths), ClbuildappTool::daemons, ClbuildappTool::storage,
                SyncOptions.defaults(false));
        new Clbuildapp(env, LOG).run(request);
        return ExitCode.SUCCESS.code();
    }

    private static ClusterLink daemons(ClusterSetup setup) {
        try {
            return new DaemonClusterLink(ClusterSession.open(setup, ToolEnvironment.system()));
        } catch (ConfigException e) {
            throw new ToolException(ExitCode.CONFIG, e.getMessage(), e);
        }
    }

    private static ApplicationStorage storage(ClusterSetup setup) throws ConfigException {
        return ApplicationStorage.open(setup, new ProcessCommandRunner());
    }

    private static void quiet(Class<?> type) {
        if (LoggerFactory.getLogger(type) instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.ERROR);
        }
    }

    /** For tests: the stage the options select, when valid. */
    Optional<Stage> stage() {
        try {
            return Optional.of(request().stage());
        } catch (ToolException e) {
            return Optional.empty();
        }
    }
}

package net.linuxha.cli.clform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import net.linuxha.cli.cluster.FormCommand;
import net.linuxha.cli.cluster.StartOptions;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.cli.cluster.ToolLog;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.wire.WireException;
import net.linuxha.common.cli.HelpOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clform} (Reference 10.3, 19.3, 25.3): forms the cluster by running {@code cldaemon --form --detach} on
 * both nodes and waiting until it is UP, then starts the applications whose autostart is set; or, with
 * {@code --join}, runs {@code cldaemon --join} on whichever node is not in the running cluster.
 *
 * <p>Exit codes: 0 formed (or joined) and every auto-start application accepted; 1 formation, join or an
 * application start failed; 2 usage; 3 configuration invalid or not validated; 4 {@code --join} with no node
 * running; 5 the cluster is already running ({@code --join}: both nodes are up).
 */
@Command(name = "clform", sortOptions = false,
        description = "Forms the cluster on both nodes, or joins this or the other node to the running cluster.")
public final class ClformTool implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Spec
    private CommandSpec spec;

    @Option(names = "--noapps", description = "Do not start the applications registered to autostart.")
    private boolean noApps;

    @Option(names = "--force", description = "Form even if a node is not available or the clocks differ by more "
            + "than 10 minutes; passed on to cldaemon.")
    private boolean force;

    @Option(names = "--config", paramLabel = "FILE", description = "An alternative cluster configuration file.")
    private Path config;

    @Option(names = "--join", description = "Join the node that is not running to the running cluster.")
    private boolean join;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Cluster formation time-out, instead of timings.clusterform of clconf.xml.")
    private Integer timeout;

    @Option(names = "--nolocking", description = "The cluster daemons and applications do not use the lock daemon.")
    private boolean noLocking;

    @Option(names = "--nochecksums", description = "Ignore cluster configuration checksum errors (last resort).")
    private boolean noChecksums;

    private final ToolEnvironment env;

    public ClformTool() {
        this(ToolEnvironment.system());
    }

    public ClformTool(ToolEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws ConfigException, WireException {
        if (timeout != null && (timeout < 1 || timeout > 86_400)) {
            throw new ToolException(ExitCode.USAGE, "--timeout " + timeout + " is not a number of seconds from 1 to "
                    + "86400");
        }
        refuseWhatCldaemonCannotDo();
        StartOptions options = new StartOptions(force, Optional.ofNullable(timeout).map(Duration::ofSeconds),
                noLocking, Optional.ofNullable(config));
        FormCommand.Plan plan = new FormCommand.Plan(join ? FormCommand.Mode.JOIN : FormCommand.Mode.FORM,
                options, !noApps && !join, !noChecksums);
        ToolLog log = ToolLog.to(spec.commandLine().getOut(), env.clock(), "clform");
        return new FormCommand(env, log).run(plan).code();
    }

    /**
     * --nolocking and --config are options of the Reference's clform that cldaemon does not take yet: passed on, they
     * made the first cldaemon fail with "Unknown option" after the checks (found in the lab). Refuse them before
     * anything starts, naming what works instead.
     */
    private void refuseWhatCldaemonCannotDo() {
        if (noLocking) {
            throw new ToolException(ExitCode.USAGE, "--nolocking is not supported yet: cldaemon has no option to run "
                    + "without the lock daemon. To form the cluster without it, remove <clport> from the global "
                    + "section of clconf.xml (cldaemon then does not start cllockd), run clbuild, then clform.");
        }
        if (config != null) {
            throw new ToolException(ExitCode.USAGE, "--config " + config + " is not supported yet: cldaemon reads "
                    + "only " + env.paths().clconf() + ". To form a cluster from another configuration, put it in "
                    + "DIR/etc/cluster/clconf.xml on both nodes and run clform with LINUXHA_ROOT=DIR (passed on to "
                    + "the daemons), or install it as " + env.paths().clconf() + " and run clbuild.");
        }
    }
}

package net.linuxha.cli.clbuild;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

import ch.qos.logback.classic.Level;
import net.linuxha.cli.checks.PortProbe;
import net.linuxha.cli.cluster.PeerNode;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.LogOptions;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClconfPermissions;
import net.linuxha.common.shell.ProcessCommandRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.linuxha.common.cli.HelpOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clbuild [-V|--verbose] [-F|--force] [--file -|FILE]} (Reference 7.2.4-7.2.6): validates clconf.xml and both
 * nodes, then creates the cluster's directories, resource pools and build checksum on both nodes and copies
 * clconf.xml to the other node. Log lines go to the terminal unless --file names a file.
 */
@Command(name = "clbuild", 
        description = {"Check the cluster configuration and both nodes, then build the cluster: directories, "
                + "port and DRBD resource pools, clconf.xml on the other node, build checksums (Reference 7.2.4).",
                "Exits 0 when built; non-zero with every problem listed as ERROR lines otherwise."})
public final class ClbuildTool implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    private static final Logger LOG = LoggerFactory.getLogger(Clbuild.class);

    @Mixin
    private LogOptions logging;

    @Option(names = {"-F", "--force"}, description = "Build even though cluster daemons are running (the cluster "
            + "keeps running; resource pools, clconf.xml copy and checksums are updated).")
    private boolean force;

    private final Clock clock;

    public ClbuildTool() {
        this(Clock.systemDefaultZone());
    }

    ClbuildTool(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        logging.startLogging(logging.terminal(), clock);
        // Checks expect some commands to fail (getent of an unknown name, test -d); their results say so.
        quiet(ProcessCommandRunner.class);
        ClusterPaths paths = ClusterPaths.system();
        ProcessCommandRunner runner = new ProcessCommandRunner();
        Clbuild.Environment env = new Clbuild.Environment(paths, runner, ClusterSetup.hostName(),
                ClconfPermissions.system(), PortProbe.tcp(Duration.ofSeconds(3)),
                peer -> PeerNode.overSsh(runner, peer, paths));
        new Clbuild(env, LOG).run(force);
        return 0;
    }

    private static void quiet(Class<?> type) {
        if (LoggerFactory.getLogger(type) instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.ERROR);
        }
    }
}

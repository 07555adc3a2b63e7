package net.linuxha.cli.clbuild;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import net.linuxha.cli.checks.CheckReport;
import net.linuxha.cli.checks.CheckResult;
import net.linuxha.cli.checks.CheckRunner;
import net.linuxha.cli.checks.LogCheckListener;
import net.linuxha.cli.checks.NodeShell;
import net.linuxha.cli.checks.PortProbe;
import net.linuxha.cli.cluster.PeerNode;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.ClconfPermissions;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.resources.ResourceException;
import net.linuxha.common.shell.CommandRunner;
import org.slf4j.Logger;

/**
 * clbuild's work (7.2.4-7.2.6): every check, all of them reported, then the build if none failed.
 *
 * <ol>
 * <li>The configuration: present, owned by root and private, valid (without it nothing else can be checked).</li>
 * <li>The cluster: this host is a node, names resolve, ssh both ways, no cldaemon running (unless forced), DRBD and
 * LVM tools and the DRBD module on both nodes, the topology's cards on both, distinct subnets, the DRBD network,
 * pings.</li>
 * <li>The build ({@link ClusterBuilder}).</li>
 * </ol>
 */
final class Clbuild {

    /** What clbuild works with; tests give temporary paths and a local "other node". */
    record Environment(ClusterPaths paths, CommandRunner runner, String hostName, ClconfPermissions permissions,
                       PortProbe probe, Function<String, PeerNode> peers) {
        Environment {
            Objects.requireNonNull(paths, "paths");
            Objects.requireNonNull(runner, "runner");
            Objects.requireNonNull(hostName, "hostName");
            Objects.requireNonNull(permissions, "permissions");
            Objects.requireNonNull(probe, "probe");
            Objects.requireNonNull(peers, "peers");
        }
    }

    private final Environment env;
    private final Logger log;

    Clbuild(Environment env, Logger log) {
        this.env = Objects.requireNonNull(env, "env");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Runs the checks and, if none failed, the build.
     *
     * @throws ToolException listing the number of failures (each was logged as ERROR lines) or the failed step
     */
    void run(boolean force) {
        CheckRunner runner = new CheckRunner(new LogCheckListener(log));
        ConfigValuesCheck values = new ConfigValuesCheck(env.paths().clconf());
        CheckReport report = runner.run(List.of(new ConfigPresentCheck(env.paths().clconf()),
                new ConfigPermissionsCheck(env.paths().clconf(), env.permissions()), values));
        if (values.loaded().isEmpty()) {
            throw failed(report, ExitCode.CONFIG);
        }
        ClusterConfig config = values.loaded().get().config();
        LocalNodeCheck localNode = new LocalNodeCheck(config, env.hostName());
        report = report.and(runner.run(List.of(new PoolSizesCheck(config), localNode)));
        if (config.findNode(env.hostName()).isPresent()) {
            String local = config.node(env.hostName()).name();
            PeerNode peer = env.peers().apply(config.otherNode(local).name());
            report = report.and(runner.run(ClbuildChecks.forCluster(config, NodeShell.local(local, env.runner()),
                    peer.shell(), force, env.probe())));
            if (report.ok()) {
                build(config, local, peer, report);
                return;
            }
        }
        throw failed(report, report.outcome(ConfigPermissionsCheck.NAME).map(o -> o.passed()).orElse(false)
                ? ExitCode.FAILURE : ExitCode.CONFIG);
    }

    private void build(ClusterConfig config, String local, PeerNode peer, CheckReport report) {
        try {
            new ClusterBuilder(env.paths(), config, local, peer, log).build();
        } catch (IOException | ResourceException | PeerNode.StepException e) {
            for (String line : e.getMessage().split("\n")) {
                log.error(line);
            }
            throw new ToolException(ExitCode.FAILURE, "Clbuild could not complete the build; the cluster build "
                    + "checksum was not written. Correct the problem above and run clbuild again.", e);
        }
        List<CheckResult> warnings = report.warnings();
        log.info("");
        if (warnings.isEmpty()) {
            log.info("Clbuild has completed without errors or warnings");
        } else {
            log.info("Clbuild has completed without errors, with " + warnings.size() + " warning"
                    + (warnings.size() == 1 ? "" : "s") + " (WARN lines above)");
        }
        log.info("");
    }

    private static ToolException failed(CheckReport report, ExitCode code) {
        int count = report.failures().size();
        return new ToolException(code, "Clbuild found " + count + " error" + (count == 1 ? "" : "s")
                + " (ERROR lines above); nothing was changed. Correct them and run clbuild again.");
    }
}

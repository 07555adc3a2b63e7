package net.linuxha.cli.cluster;

import java.util.List;

import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.BuildStatus;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.wire.WireException;

/**
 * The whole of a clform run, shared with clstartup: validate the configuration and its build checksum, report the
 * ssh route, then form on both nodes or join, and start the auto-start applications.
 */
public final class FormCommand {

    /** What to do. */
    public enum Mode { FORM, JOIN }

    /**
     * @param mode      form or join
     * @param options   passed on to cldaemon
     * @param startApps start the auto-start applications once the cluster is up
     * @param checksums refuse a configuration clbuild has not validated
     */
    public record Plan(Mode mode, StartOptions options, boolean startApps, boolean checksums) {
    }

    private final ToolEnvironment env;
    private final ToolLog log;

    public FormCommand(ToolEnvironment env, ToolLog log) {
        this.env = env;
        this.log = log;
    }

    /** Runs the plan; returns the exit code (0, 5 for a join with both nodes up, 1 if an application failed). */
    public ExitCode run(Plan plan) throws ConfigException, WireException {
        ClusterSession session = open(plan);
        ClusterStarter starter = new ClusterStarter(env, session, log);
        if (plan.mode() == Mode.JOIN) {
            SshRoute.describe(session.peerNode(), session.localEntry(), env.resolver()).forEach(log::info);
            if (starter.join(plan.options()) == ClusterStarter.JoinOutcome.BOTH_UP) {
                return ExitCode.ALREADY_RUNNING;
            }
        } else {
            SshRoute.describe(session.peerNode(), session.localEntry(), env.resolver()).forEach(log::info);
            starter.checkNotRunning();
            starter.form(session.nodes(), plan.options());
        }
        if (!plan.startApps()) {
            return ExitCode.SUCCESS;
        }
        return startApplications(session);
    }

    /** Loads and checks the configuration: "Validated checksum for cluster configuration". */
    public ClusterSession open(Plan plan) throws ConfigException {
        ClusterSession session = ClusterSession.open(env.loadSetup(plan.options().config()), env);
        BuildChecksum checksum = ChecksumGate.of(env.paths(), plan.options().config());
        if (plan.checksums()) {
            ChecksumGate.require(checksum);
            log.info("Validated checksum for cluster configuration");
        } else if (ChecksumGate.status(checksum) != BuildStatus.VALID) {
            log.warn("The cluster configuration has not been validated by clbuild; going on because of "
                    + "--nochecksums.");
        } else {
            log.info("Validated checksum for cluster configuration");
        }
        return session;
    }

    /** Starts the auto-start applications through an UP daemon (this node's if it is UP). */
    public ExitCode startApplications(ClusterSession session) throws WireException {
        String contact = session.probe(session.localNode()).isUp() ? session.localNode() : session.peerNode();
        List<String> failed = new Autostarter(session, contact, log).startAll();
        if (failed.isEmpty()) {
            return ExitCode.SUCCESS;
        }
        throw new ToolException(ExitCode.FAILURE, "The cluster is up, but these applications were not started: "
                + String.join(", ", failed) + "; see the lines above, then start them with clstartapp.");
    }
}

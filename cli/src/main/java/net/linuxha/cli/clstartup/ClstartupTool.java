package net.linuxha.cli.clstartup;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.ClusterStarter;
import net.linuxha.cli.cluster.FormCommand;
import net.linuxha.cli.cluster.NodeProbe;
import net.linuxha.cli.cluster.StartOptions;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.cli.cluster.ToolLog;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.StartupConfig;
import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.wire.WireException;
import net.linuxha.common.cli.HelpOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clstartup} (Reference 10.4): forms or joins the cluster at machine boot as {@code /etc/cluster/clstartup.xml}
 * says. Each node's boot runs it, so it starts only this node's cldaemon:
 *
 * <ul>
 * <li>this node's daemon already answers: nothing to do;</li>
 * <li>the other node runs the cluster (UP): join it if {@code join_existing_cluster} is yes, else leave it;</li>
 * <li>otherwise {@code cldaemon --form} here (with {@code --force} when {@code allow_single_node} is yes, so that
 * the node forms alone once {@code timeout} passes without the other) and wait until it is UP;</li>
 * <li>then, if {@code autostart_apps} is yes, start the auto-start applications. When both nodes formed together
 * only the first node of clconf.xml does this, so that the two boots do not both ask.</li>
 * </ul>
 * {@code background_startup} yes runs all of it as a background process whose lines go to
 * {@code clstartup.log} in the cluster log directory, and returns at once.
 *
 * <p>Exit codes: 0 done (or nothing to do); 1 formation, join or an application start failed; 3 clstartup.xml or
 * clconf.xml missing, invalid or not validated.
 */
@Command(name = "clstartup", sortOptions = false,
        description = "Forms or joins the cluster at boot, as /etc/cluster/clstartup.xml says.")
public final class ClstartupTool implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Spec
    private CommandSpec spec;

    @Option(names = "--foreground", description = "Run here even when background_startup is yes (used by the "
            + "background run itself).")
    private boolean foreground;

    private final ToolEnvironment env;
    private ToolLog log;

    public ClstartupTool() {
        this(ToolEnvironment.system());
    }

    public ClstartupTool(ToolEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws ConfigException, WireException {
        StartupConfig startup = StartupConfig.load(env.paths().clstartup()).config();
        log = ToolLog.to(spec.commandLine().getOut(), env.clock(), "clstartup");
        if (startup.backgroundStartup() && !foreground) {
            return background();
        }
        FormCommand form = new FormCommand(env, log);
        StartOptions options = new StartOptions(startup.allowSingleNode(), Optional.empty(), false,
                Optional.empty());
        ClusterSession session = form.open(new FormCommand.Plan(FormCommand.Mode.FORM, options, false, true));
        options = new StartOptions(startup.allowSingleNode(),
                Optional.of(startup.effectiveTimeout(session.config())), false, Optional.empty());
        NodeProbe local = session.probe(session.localNode());
        if (local instanceof NodeProbe.Running running) {
            log.info("The cluster daemon already runs on " + session.localNode() + " (" + running.state()
                    + ") - nothing to do.");
            return ExitCode.SUCCESS.code();
        }
        ClusterStarter starter = new ClusterStarter(env, session, log);
        NodeProbe peer = session.probe(session.peerNode());
        if (peer.isUp()) {
            if (!startup.joinExistingCluster()) {
                log.info("Cluster " + session.cluster() + " is running on " + session.peerNode() + "; "
                        + "join_existing_cluster is no in " + env.paths().clstartup() + ", so "
                        + session.localNode() + " does not join it.");
                return ExitCode.SUCCESS.code();
            }
            // allow_single_node is about forming alone; it must not turn a join into a forced one (--force on a
            // join also accepts clocks more than 10 minutes apart, 10.1.1).
            starter.join(new StartOptions(false, options.timeout(), false, Optional.empty()));
            return ExitCode.SUCCESS.code();
        }
        starter.checkNotRunning(List.of(session.localNode()));
        starter.form(List.of(session.localNode()), options);
        if (!startup.autostartApps()) {
            return ExitCode.SUCCESS.code();
        }
        boolean formedAlone = !session.probe(session.peerNode()).isUp();
        boolean firstNode = session.config().nodes().get(0).name().equals(session.localNode());
        if (!formedAlone && !firstNode) {
            log.info("Auto-start applications are started by " + session.peerNode() + ", the first node of the "
                    + "cluster.");
            return ExitCode.SUCCESS.code();
        }
        return form.startApplications(session).code();
    }

    private int background() {
        List<String> argv = List.of(env.binDir().resolve("clstartup").toString(), "--foreground");
        BackgroundCommand command = BackgroundCommand.of(argv, env.paths().log("clstartup.log"),
                env.paths().log("clstartup.log"));
        if (env.root().isPresent()) {
            command = command.withEnv("LINUXHA_ROOT", env.root().get());
        }
        env.runner().start(command);
        log.info("Cluster start-up continues in the background; its progress is logged in "
                + env.paths().log("clstartup.log") + ".");
        return ExitCode.SUCCESS.code();
    }
}

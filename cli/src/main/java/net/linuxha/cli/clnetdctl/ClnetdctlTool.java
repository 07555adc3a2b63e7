package net.linuxha.cli.clnetdctl;

import java.util.Optional;
import java.util.concurrent.Callable;

import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.common.cli.DaemonCall;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.cli.HelpOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clnetdctl --msg "TEXT" [--node X]} (Reference 21.2.1, {@code clnetd --msg "REREAD"}): sends a request of
 * the network daemon's vocabulary (REREAD, NET_STATUS, ECHO, HELP, ABORT, VERBOSE, LOGCYCLE; docs/protocol.md) to
 * this node's network daemon, or to {@code --node}'s, and prints its answer. Each node runs its own network daemon
 * for its own cards, so there is no falling back to the other node.
 *
 * <p>Exit codes: 0 the daemon answered; 3 configuration problem (clnetdport not set); 4 the network daemon is not
 * running; 6 no valid answer.
 */
@Command(name = "clnetdctl", sortOptions = false,
        description = "Sends a request to the network daemon and prints its answer.")
public final class ClnetdctlTool implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Spec
    private CommandSpec spec;

    @Option(names = "--msg", required = true, paramLabel = "REQUEST",
            description = "The request, e.g. ECHO, NET_STATUS or REREAD.")
    private String message;

    @Option(names = "--node", paramLabel = "NODE",
            description = "Ask this node's network daemon (default: this node).")
    private String node;

    private final ToolEnvironment env;

    public ClnetdctlTool() {
        this(ToolEnvironment.system());
    }

    public ClnetdctlTool(ToolEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws ConfigException {
        if (message.isBlank()) {
            throw new ToolException(ExitCode.USAGE,
                    "--msg needs a request, e.g. --msg NET_STATUS; --msg HELP lists them");
        }
        ClusterSession session = ClusterSession.open(env.loadSetup(Optional.empty()), env);
        if (session.config().clnetdPort().isEmpty()) {
            throw ToolException.config("No network daemon is configured: <clnetdport> is not set in the <global> "
                    + "section of " + env.paths().clconf() + "; add it (e.g. 9850), run clbuild, and restart "
                    + "the cluster.");
        }
        String target = node == null ? session.localNode() : session.nodeOption(node);
        DaemonCall.print(spec.commandLine().getOut(), DaemonCall.send(session.netDaemon(target,
                session.config().clnetdPort().getAsInt()), message.strip()));
        return ExitCode.SUCCESS.code();
    }
}

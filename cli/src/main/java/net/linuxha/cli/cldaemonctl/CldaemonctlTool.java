package net.linuxha.cli.cldaemonctl;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.common.cli.DaemonCall;
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
 * {@code cldaemonctl --msg "TEXT" [--node X]} (Reference 17.4, 25.4): sends a request to a cluster daemon and
 * prints its answer. Without {@code --node} it asks this node's daemon, or the other node's when this one is down,
 * so a script may run it on either node; {@code cldaemonctl --msg ECHO} prints {@code UP} while the cluster runs.
 *
 * <p>When no daemon can be reached the single output line starts with {@code ERROR} (17.4: "if it is down it will
 * return a string starting with ERROR"), on standard output so that {@code $(cldaemonctl --msg ECHO)} sees it.
 *
 * <p>Exit codes: 0 the daemon answered (whatever the answer); 3 configuration problem; 4 no daemon could be
 * reached; 6 a daemon accepted the connection but gave no valid answer.
 */
@Command(name = "cldaemonctl", sortOptions = false,
        description = "Sends a request to the cluster daemon and prints its answer.")
public final class CldaemonctlTool implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Spec
    private CommandSpec spec;

    @Option(names = "--msg", required = true, paramLabel = "REQUEST",
            description = "The request, e.g. ECHO, APP_LIST or \"SETVALIDNODES app=apache forward=yes\".")
    private String message;

    @Option(names = "--node", paramLabel = "NODE",
            description = "Ask this node's cluster daemon only (default: this node's, else the other's).")
    private String node;

    private final ToolEnvironment env;

    public CldaemonctlTool() {
        this(ToolEnvironment.system());
    }

    public CldaemonctlTool(ToolEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws ConfigException {
        if (message.isBlank()) {
            throw new ToolException(ExitCode.USAGE, "--msg needs a request, e.g. --msg ECHO; --msg HELP lists them");
        }
        ClusterSession session = ClusterSession.open(env.loadSetup(Optional.empty()), env);
        List<String> targets = node == null ? session.nodes() : List.of(session.nodeOption(node));
        PrintWriter out = spec.commandLine().getOut();
        List<String> failures = new ArrayList<>();
        ExitCode failed = ExitCode.NOT_RUNNING;
        for (String target : targets) {
            try {
                DaemonCall.print(out, session.clusterDaemon(target).send(message.strip()));
                return ExitCode.SUCCESS.code();
            } catch (WireException e) {
                failures.add(DaemonCall.oneLine(e));
                failed = DaemonCall.exitCode(e) == ExitCode.NO_ANSWER ? ExitCode.NO_ANSWER : failed;
            }
        }
        out.println("ERROR " + String.join(" ", failures));
        out.flush();
        return failed.code();
    }
}

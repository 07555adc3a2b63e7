package net.linuxha.cli.lemsctl;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.DaemonCall;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.HelpOption;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.LemsConfig;
import net.linuxha.common.wire.DaemonUnreachableException;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lemsctl --application X --msg "TEXT"} (Reference 16, 24.5): sends a request to the Lems of an application,
 * on whichever node runs it, and prints the answer. The port is the one of the application's lems.local.xml; the
 * node is the one the local cluster daemon names ({@link LemsLocator}). Exits 0 for an answer that is not a
 * failure ({@code FAIL ...}, {@code ERROR ...}, {@code MISSING_ARG ...} exit 1), 4 when no Lems answers.
 */
@Command(name = "lemsctl",
        description = "Send a message to the Lems daemon of an application and print its answer, e.g. "
                + "lemsctl --application apache --msg \"PAUSE httpd\".")
public final class LemsctlTool implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    // -V is --verbose in the linuxha tools (LogOptions), so picocli's -V/--version is not mixed in.
    @Mixin
    HelpOption help = new HelpOption();

    @Option(names = {"-A", "--application"}, required = true, paramLabel = "APPLICATION",
            description = "The application whose Lems gets the message.")
    private String application;

    @Option(names = {"-m", "--msg"}, required = true, paramLabel = "MESSAGE",
            description = "GET_STAT [monitor], GET_VSTAT [monitor], CMD monitor text, PAUSE [monitor], "
                    + "RESUME [monitor], REMOVE monitor, INSTALL monitor, ABORT, VERBOSE ON|OFF, LOGCYCLE N.")
    private String message;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The Lems configuration naming the port (default /etc/cluster/APPLICATION/lems.local.xml).")
    private Path configFile;

    private final ClusterPaths paths;

    public LemsctlTool() {
        this(ClusterPaths.system());
    }

    public LemsctlTool(ClusterPaths paths) {
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    @Override
    public Integer call() throws ConfigException {
        ClusterSetup setup = ClusterSetup.load(paths);
        Path file = configFile != null ? configFile : paths.lemsConfig(application);
        int port = LemsConfig.load(file).config().port();
        List<LemsLocator.Target> targets = new LemsLocator(setup).targets(application, port);
        List<String> tried = new ArrayList<>();
        for (LemsLocator.Target target : targets) {
            WireClient client = new WireClient(target.address(), "Lems daemon for " + application + " on "
                    + target.node(), setup.wireContext());
            try {
                Reply reply = client.send(message);
                DaemonCall.print(out(), reply);
                return failed(reply) ? ExitCode.FAILURE.code() : ExitCode.SUCCESS.code();
            } catch (DaemonUnreachableException e) {
                tried.add(target.node() + " (" + e.getMessage() + ")");
            } catch (WireException e) {
                throw DaemonCall.failure(e);
            }
        }
        throw new ToolException(ExitCode.NOT_RUNNING, "Unable to contact the Lems daemon for application "
                + application + " on port " + port + ": tried " + String.join("; ", tried)
                + ". Is the application running (clstat -A " + application + "), and is the port in " + file
                + " right?");
    }

    private static boolean failed(Reply reply) {
        String code = reply.code();
        return code.equals("FAIL") || code.equals("MISSING_ARG") || reply.isError();
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

}

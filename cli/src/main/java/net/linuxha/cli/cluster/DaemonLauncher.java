package net.linuxha.cli.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandStartException;
import net.linuxha.common.shell.RemoteShell;

/**
 * Runs {@code cldaemon} of this installation on a node: on this node through the shell layer, on the other over
 * ssh ({@link RemoteShell}, BatchMode). Both nodes have the product installed in the same place, so the remote
 * command is the same path. {@code cldaemon --form|--join --detach} returns once the detached daemon listens (0) or
 * failed (non-zero, the reason on its standard error).
 */
public final class DaemonLauncher {

    private final ToolEnvironment env;
    private final ClusterSession session;

    public DaemonLauncher(ToolEnvironment env, ClusterSession session) {
        this.env = env;
        this.session = session;
    }

    /** The argv that runs cldaemon with {@code args}, carrying LINUXHA_ROOT when tools run under another root. */
    public List<String> argv(List<String> args) {
        List<String> argv = new ArrayList<>();
        if (env.root().isPresent()) {
            argv.add("env");
            argv.add("LINUXHA_ROOT=" + env.root().get());
        }
        argv.add(env.binDir().resolve("cldaemon").toString());
        argv.addAll(args);
        return argv;
    }

    /** Runs cldaemon on {@code node} and waits for it to return, at most {@code timeout}. */
    public CommandResult run(String node, List<String> args, Duration timeout) {
        Command command = Command.of(argv(args)).withTimeout(timeout);
        try {
            if (session.isLocal(node)) {
                return env.runner().run(command);
            }
            return new RemoteShell(env.runner(), node).run(command);
        } catch (CommandStartException e) {
            return new CommandResult(command.argv(), 127, "", e.getMessage(), Duration.ZERO, false, false);
        }
    }

    /** One line for a failed run: exit status, and what cldaemon (or ssh, exit 255) said. */
    public static String failure(CommandResult result) {
        String text = (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip();
        String how = result.timedOut() ? "did not return in time and was killed"
                : result.exitCode() == 255 ? "failed in ssh (exit 255)" : "exited with " + result.exitCode();
        return how + (text.isEmpty() ? "" : ": " + text.replace('\n', ' '));
    }
}

package net.linuxha.cli.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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

    /**
     * Variables of the tool's own environment that every daemon it starts must see, the other node's included: ssh
     * carries no environment, and the lab's {@code LINUXHA_TOC_ACTION=halt-node} (docs/cldaemon.md) must reach the
     * daemon clform starts on the other node, or a duplicate application there is never stopped.
     */
    static final List<String> PASSED_ON = List.of("LINUXHA_TOC_ACTION");
    /** Values passed on: plain words only, as they travel through the remote shell. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]+");

    private final ToolEnvironment env;
    private final ClusterSession session;
    private final Map<String, String> toolEnvironment;

    public DaemonLauncher(ToolEnvironment env, ClusterSession session) {
        this.env = env;
        this.session = session;
        this.toolEnvironment = System.getenv();
    }

    /** The argv that runs cldaemon with {@code args}, carrying LINUXHA_ROOT and {@link #PASSED_ON} when set. */
    public List<String> argv(List<String> args) {
        List<String> argv = new ArrayList<>(environment(env.root(), toolEnvironment));
        argv.add(env.binDir().resolve("cldaemon").toString());
        argv.addAll(args);
        return argv;
    }

    /** {@code env NAME=VALUE...} for the daemon's command line, or nothing when there is nothing to pass on. */
    static List<String> environment(Optional<String> root, Map<String, String> toolEnvironment) {
        List<String> assignments = new ArrayList<>();
        root.ifPresent(r -> assignments.add("LINUXHA_ROOT=" + r));
        for (String name : PASSED_ON) {
            String value = toolEnvironment.get(name);
            if (value != null && PLAIN.matcher(value).matches()) {
                assignments.add(name + "=" + value);
            }
        }
        if (!assignments.isEmpty()) {
            assignments.add(0, "env");
        }
        return assignments;
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

package net.linuxha.cli.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
     * The tool's environment variables every cldaemon it starts gets, on the other node too (ssh does not carry the
     * environment): the reset action (docs/cldaemon.md, "The reset action"), so that both daemons of one clform
     * react alike; the lab must set it to halt-node, since its nodes share the host's kernel. Per-node settings
     * (the lab's clock offset) are not passed on.
     */
    static final List<String> PASSED_ON = List.of("LINUXHA_TOC_ACTION");

    private final ToolEnvironment env;
    private final ClusterSession session;
    private final Map<String, String> passedOn;

    public DaemonLauncher(ToolEnvironment env, ClusterSession session) {
        this(env, session, System.getenv());
    }

    /** @param environment the tool's environment; only the {@link #PASSED_ON} variables are taken from it */
    DaemonLauncher(ToolEnvironment env, ClusterSession session, Map<String, String> environment) {
        this.env = env;
        this.session = session;
        this.passedOn = new TreeMap<>();
        for (String name : PASSED_ON) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                passedOn.put(name, value);
            }
        }
    }

    /**
     * The argv that runs cldaemon with {@code args}, carrying LINUXHA_ROOT when tools run under another root and the
     * {@link #PASSED_ON} variables that are set.
     */
    public List<String> argv(List<String> args) {
        List<String> argv = new ArrayList<>();
        if (env.root().isPresent() || !passedOn.isEmpty()) {
            argv.add("env");
        }
        if (env.root().isPresent()) {
            argv.add("LINUXHA_ROOT=" + env.root().get());
        }
        passedOn.forEach((name, value) -> argv.add(name + "=" + value));
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

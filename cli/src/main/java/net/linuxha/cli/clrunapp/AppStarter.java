package net.linuxha.cli.clrunapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandStartException;
import net.linuxha.common.shell.RemoteShell;

/**
 * Runs {@code clstartapp} of this installation on a node (11.5: clrunapp "is essentially a wrapper for the
 * clstartapp"): on this node through the shell layer, on the other over ssh ({@link RemoteShell}); both nodes have
 * the product installed in the same place. clstartapp starts the application on the node it runs on and exits 0
 * once it runs there.
 */
final class AppStarter {

    /**
     * How much longer than the start script's {@code --maxdelay} clstartapp may take before it counts as hung:
     * locks (up to 45 s each), DRBD bring-up and fsck come before the script.
     */
    static final Duration OVERHEAD = Duration.ofMinutes(5);

    private final ToolEnvironment env;
    private final ClusterSession session;
    private final StartFlags flags;

    AppStarter(ToolEnvironment env, ClusterSession session, StartFlags flags) {
        this.env = env;
        this.session = session;
        this.flags = flags;
    }

    /** The clstartapp command line for {@code application}, as shown to the user (19.2). */
    List<String> argv(String application, Duration maxDelay) {
        List<String> argv = new ArrayList<>();
        argv.add(env.binDir().resolve("clstartapp").toString());
        argv.addAll(flags.clstartappArgs(application, maxDelay));
        return argv;
    }

    /** Runs clstartapp on {@code node} and waits for it to return. */
    CommandResult run(String node, String application, Duration maxDelay) {
        List<String> argv = new ArrayList<>();
        if (env.root().isPresent()) {
            // Tools under another root (lab, tests) hand it on, as the daemon launcher does.
            argv.add("env");
            argv.add("LINUXHA_ROOT=" + env.root().get());
        }
        argv.addAll(argv(application, maxDelay));
        Command command = Command.of(argv).withTimeout(maxDelay.plus(OVERHEAD));
        try {
            if (session.isLocal(node)) {
                return env.runner().run(command);
            }
            return new RemoteShell(env.runner(), node).run(command);
        } catch (CommandStartException e) {
            return new CommandResult(command.argv(), 127, "", e.getMessage(), Duration.ZERO, false, false);
        }
    }

    /** One line for a failed run: how it ended and the last thing clstartapp (or ssh) said. */
    static String failure(CommandResult result) {
        String text = (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip();
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        String how = result.timedOut() ? "did not return in time and was killed"
                : result.exitCode() == 255 ? "failed in ssh (exit 255)" : "exited with " + result.exitCode();
        return how + (last.isEmpty() ? "" : ": " + last);
    }
}

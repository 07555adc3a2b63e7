package net.linuxha.common.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs commands on the other node over ssh, as the Reference's tools do (root, key-based, no password prompt:
 * Appendix C). Every argument is shell-quoted, because ssh hands the remote shell one joined string.
 */
public final class RemoteShell {

    /** Options that make ssh fail fast instead of prompting, so a tool never hangs on a missing key. */
    static final List<String> SSH_OPTIONS = List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
            "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=2");

    private final CommandRunner runner;
    private final String node;

    public RemoteShell(CommandRunner runner, String node) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.node = Objects.requireNonNull(node, "node");
    }

    public String node() {
        return node;
    }

    /** Runs {@code command} on the node; the result's exit code is the remote command's (255: ssh itself failed). */
    public CommandResult run(Command command) {
        List<String> argv = new ArrayList<>(List.of("ssh"));
        argv.addAll(SSH_OPTIONS);
        argv.add(node);
        argv.add("--");
        argv.add(quote(command.argv()));
        Command remote = new Command(argv, command.stdin(), Map.of(), Optional.empty(), command.timeout(),
                command.maxOutputBytes(), command.probe());
        return runner.run(remote);
    }

    /** True when a trivial command runs on the node: the ssh check of clbuild (7.2.4). */
    public boolean reachable(Duration timeout) {
        return run(Command.of("true").withTimeout(timeout).asProbe()).succeeded();
    }

    /** Copies a local file to {@code remotePath} on the node, keeping its mode (scp -p). */
    public CommandResult copyTo(Path localFile, String remotePath, Duration timeout) {
        List<String> argv = new ArrayList<>(List.of("scp", "-p", "-q"));
        argv.addAll(SSH_OPTIONS);
        argv.add(localFile.toString());
        argv.add(node + ":" + remotePath);
        return runner.run(Command.of(argv).withTimeout(timeout));
    }

    /** Joins argv into one POSIX shell string in which every argument stays one word, whatever it contains. */
    static String quote(List<String> argv) {
        StringBuilder joined = new StringBuilder();
        for (String arg : argv) {
            if (joined.length() > 0) {
                joined.append(' ');
            }
            if (!arg.isEmpty() && arg.chars().allMatch(RemoteShell::safe)) {
                joined.append(arg);
            } else {
                joined.append('\'').append(arg.replace("'", "'\\''")).append('\'');
            }
        }
        return joined.toString();
    }

    private static boolean safe(int c) {
        return Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0;
    }
}

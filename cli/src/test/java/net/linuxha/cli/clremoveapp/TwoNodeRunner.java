package net.linuxha.cli.clremoveapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.ProcessCommandRunner;

/**
 * Both nodes on this machine, each with its own root directory: commands for this node run as they are, and
 * commands sent over ssh to the other node run here through {@code sh -c} (as sshd would run them), with this node's
 * root replaced by the other node's in the command line. So every command clremoveapp sends really runs (rm, tar,
 * ls, ...), on real files, and is recorded as {@code node: command line} exactly as it was sent.
 */
final class TwoNodeRunner implements CommandRunner {

    private final String localRoot;
    private final String peerRoot;
    private final ProcessCommandRunner real = new ProcessCommandRunner();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private volatile boolean peerReachable = true;

    TwoNodeRunner(String localRoot, String peerRoot) {
        this.localRoot = localRoot;
        this.peerRoot = peerRoot;
    }

    /** Makes ssh to the other node fail as it does when the node is down (exit 255). */
    void peerDown() {
        peerReachable = false;
    }

    /** {@code local: argv} or {@code NODE: remote command string}, in order. */
    List<String> commands() {
        return new ArrayList<>(log);
    }

    /** The commands sent to {@code node} ("local" for this one). */
    List<String> commandsOn(String node) {
        return commands().stream().filter(c -> c.startsWith(node + ": "))
                .map(c -> c.substring(node.length() + 2)).toList();
    }

    @Override
    public CommandResult run(Command command) {
        List<String> argv = command.argv();
        if (!argv.get(0).equals("ssh")) {
            log.add("local: " + String.join(" ", argv));
            return real.run(command);
        }
        int separator = argv.indexOf("--");
        String node = argv.get(separator - 1);
        String remote = argv.get(separator + 1);
        log.add(node + ": " + remote);
        if (!peerReachable) {
            return new CommandResult(argv, 255, "", "ssh: connect to host " + node + " port 22: Connection refused\n",
                    Duration.ofMillis(1), false, false);
        }
        CommandResult result = real.run(Command.of("sh", "-c", remote.replace(localRoot, peerRoot))
                .withTimeout(command.timeout()));
        return new CommandResult(argv, result.exitCode(), result.stdout(), result.stderr(), result.elapsed(),
                result.timedOut(), false);
    }

    @Override
    public BackgroundProcess start(BackgroundCommand command) {
        throw new UnsupportedOperationException("clremoveapp starts no background process: " + command.display());
    }
}

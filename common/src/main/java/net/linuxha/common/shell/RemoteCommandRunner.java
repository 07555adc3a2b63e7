package net.linuxha.common.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs commands on the other node through {@link RemoteShell}, so the same drivers ({@link DrbdDriver},
 * {@link LvmDriver}, {@link IpDriver}) work on either node: the storage layer brings DRBD up on the peer with the
 * very code it uses locally.
 *
 * <p>Environment additions travel as an {@code env NAME=VALUE ...} prefix (ssh does not pass them); a working
 * directory is not supported, and background processes are refused: a long-running child on the peer belongs to
 * that node's own daemons.
 */
public final class RemoteCommandRunner implements CommandRunner {

    private final RemoteShell shell;

    public RemoteCommandRunner(RemoteShell shell) {
        this.shell = Objects.requireNonNull(shell, "shell");
    }

    public String node() {
        return shell.node();
    }

    @Override
    public CommandResult run(Command command) {
        Command remote = command;
        if (!command.environment().isEmpty()) {
            List<String> prefix = new ArrayList<>(List.of("env"));
            for (Map.Entry<String, String> e : command.environment().entrySet()) {
                prefix.add(e.getKey() + "=" + e.getValue());
            }
            remote = new Command(command.argv(), command.stdin(), Map.of(), Optional.empty(), command.timeout(),
                    command.maxOutputBytes(), command.probe()).prefixedWith(prefix);
        }
        return shell.run(remote);
    }

    @Override
    public BackgroundProcess start(BackgroundCommand command) {
        throw new UnsupportedOperationException("Background processes are not started on " + shell.node()
                + " over ssh: '" + command.display() + "' must be started by that node's own daemon");
    }
}

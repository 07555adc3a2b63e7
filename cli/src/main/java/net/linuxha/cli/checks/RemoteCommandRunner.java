package net.linuxha.cli.checks;

import java.util.Objects;

import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.RemoteShell;

/**
 * A {@link CommandRunner} whose commands run on another node through {@link RemoteShell}, so drivers written for
 * a runner ({@code IpDriver}, resource stores) work on the other node unchanged. Exit code 255 means ssh failed.
 */
public final class RemoteCommandRunner implements CommandRunner {

    private final RemoteShell shell;

    public RemoteCommandRunner(RemoteShell shell) {
        this.shell = Objects.requireNonNull(shell, "shell");
    }

    @Override
    public CommandResult run(Command command) {
        return shell.run(command);
    }

    /** Not offered: a background process over ssh would die with the ssh session. */
    @Override
    public BackgroundProcess start(BackgroundCommand command) {
        throw new UnsupportedOperationException("long-running processes are not started on " + shell.node()
                + " over ssh; start them there with the node's own tools");
    }
}

package net.linuxha.common.testing;

import java.util.ArrayList;
import java.util.List;

import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;

/**
 * Runs drbdadm with its dry-run flag ({@code -d} after the program name): the real drbdadm parses the resource
 * files and prints the drbdsetup/drbdmeta calls it would make, changing nothing. Each result is kept for the
 * assertions.
 */
public final class DrbdadmDryRun implements CommandRunner {

    private final CommandRunner real;
    private final List<CommandResult> results = new ArrayList<>();

    public DrbdadmDryRun(CommandRunner real) {
        this.real = real;
    }

    /** What each command printed, in order. */
    public List<CommandResult> results() {
        return results;
    }

    @Override
    public CommandResult run(Command command) {
        List<String> argv = new ArrayList<>(command.argv());
        argv.add(1, "-d");
        CommandResult result = real.run(Command.of(argv).withTimeout(command.timeout()));
        results.add(result);
        return result;
    }

    @Override
    public BackgroundProcess start(BackgroundCommand command) {
        throw new UnsupportedOperationException("drbdadm's dry run starts no background process: "
                + command.display());
    }
}

package net.linuxha.lems.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.CommandStartException;
import net.linuxha.common.shell.ShellException;
import net.linuxha.lems.spi.ProgramCall;
import net.linuxha.lems.spi.ProgramResult;
import net.linuxha.lems.spi.ProgramRunner;

/**
 * The daemon's {@link ProgramRunner}: every RUNCMD, restart command, program check and agent check goes through the
 * shell layer's {@link CommandRunner}, which kills the program and its descendants at the timeout.
 */
public final class ShellProgramRunner implements ProgramRunner {

    private final CommandRunner runner;

    public ShellProgramRunner(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public ProgramResult run(ProgramCall call, Duration timeout) throws IOException, InterruptedException {
        Command command = Command.of(call.argv()).withTimeout(timeout);
        for (Map.Entry<String, String> variable : call.environment().entrySet()) {
            command = command.withEnv(variable.getKey(), variable.getValue());
        }
        CommandResult result;
        try {
            result = runner.run(command);
        } catch (CommandStartException e) {
            throw new IOException(e.getMessage(), e);
        } catch (ShellException e) {
            // The runner kills the program when the calling thread is interrupted (a check over its timeout).
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while running " + call.commandLine());
            }
            throw new IOException(e.getMessage(), e);
        }
        return new ProgramResult(result.timedOut() ? -1 : result.exitCode(), result.stdout(), result.stderr(),
                result.timedOut());
    }

    @Override
    public void startInBackground(ProgramCall call, Path stdout, Path stderr) throws IOException {
        BackgroundCommand command = BackgroundCommand.of(call.argv(), stdout, stderr);
        for (Map.Entry<String, String> variable : call.environment().entrySet()) {
            command = command.withEnv(variable.getKey(), variable.getValue());
        }
        try {
            runner.start(command);
        } catch (CommandStartException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}

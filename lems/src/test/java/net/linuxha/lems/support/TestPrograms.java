package net.linuxha.lems.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.lems.daemon.ShellProgramRunner;
import net.linuxha.lems.spi.ProgramCall;
import net.linuxha.lems.spi.ProgramResult;
import net.linuxha.lems.spi.ProgramRunner;

/**
 * The tests' {@link ProgramRunner}: the daemon's own {@link ShellProgramRunner} over the shell layer, running real
 * processes. Remembers the calls, and the background processes so that {@link #killAll} can clean them up.
 */
public final class TestPrograms implements ProgramRunner {

    private final List<BackgroundProcess> background = new CopyOnWriteArrayList<>();
    private final List<ProgramCall> calls = new CopyOnWriteArrayList<>();
    private final ShellProgramRunner shell = new ShellProgramRunner(new Tracking(new ProcessCommandRunner()));

    @Override
    public ProgramResult run(ProgramCall call, Duration timeout) throws IOException, InterruptedException {
        calls.add(call);
        return shell.run(call, timeout);
    }

    @Override
    public void startInBackground(ProgramCall call, Path stdout, Path stderr) throws IOException {
        calls.add(call);
        shell.startInBackground(call, stdout, stderr);
    }

    public List<ProgramCall> calls() {
        return List.copyOf(calls);
    }

    /** Waits for the background processes, killing any still running after {@code timeout}. */
    public void killAll(Duration timeout) throws InterruptedException {
        for (BackgroundProcess process : background) {
            if (process.waitFor(timeout).isEmpty()) {
                process.killTree(Duration.ofSeconds(2));
            }
        }
    }

    /** Keeps the handles of the processes started in the background. */
    private final class Tracking implements CommandRunner {
        private final CommandRunner delegate;

        Tracking(CommandRunner delegate) {
            this.delegate = delegate;
        }

        @Override
        public CommandResult run(Command command) {
            return delegate.run(command);
        }

        @Override
        public BackgroundProcess start(BackgroundCommand command) {
            BackgroundProcess process = delegate.start(command);
            background.add(process);
            return process;
        }
    }
}

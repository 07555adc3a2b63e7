package net.linuxha.common.shell;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * For tools that cannot run on this machine: answers each command with the next stored result (real output from
 * the samples) and records what was asked, so a test checks both the command line and the parsing.
 */
final class RecordingCommandRunner implements CommandRunner {

    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Command> commands = new ArrayList<>();

    private record Reply(int exit, String stdout, String stderr) {
    }

    RecordingCommandRunner reply(int exit, String stdout, String stderr) {
        replies.add(new Reply(exit, stdout, stderr));
        return this;
    }

    RecordingCommandRunner replySample(int exit, String stdoutSample, String stderrSample) {
        return reply(exit, stdoutSample == null ? "" : Samples.read(stdoutSample),
                stderrSample == null ? "" : Samples.read(stderrSample));
    }

    List<Command> commands() {
        return commands;
    }

    List<String> lastArgv() {
        return commands.get(commands.size() - 1).argv();
    }

    @Override
    public CommandResult run(Command command) {
        commands.add(command);
        Reply reply = replies.poll();
        if (reply == null) {
            throw new AssertionError("Unexpected command: " + command.display());
        }
        return new CommandResult(command.argv(), reply.exit, reply.stdout, reply.stderr, Duration.ofMillis(1), false,
                false);
    }

    @Override
    public BackgroundProcess start(BackgroundCommand command) {
        throw new AssertionError("Unexpected background command: " + command.display());
    }
}

package net.linuxha.cli.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;

/**
 * The process edge of the tools in conversation tests: the real cldaemon is not part of this module, so running
 * {@code cldaemon} on a node (here, or over ssh) calls the test's {@link Script}, which typically starts the
 * {@link FakeClusterDaemon} for that node, as the real command would leave a daemon listening. Every command is
 * recorded as the node it ran on and its command line.
 */
public final class ScriptedRunner implements CommandRunner {

    /** What running a command on a node does. */
    @FunctionalInterface
    public interface Script {
        /** @return the exit status; {@code stderr} is what the command printed there */
        Outcome run(String node, List<String> argv) throws Exception;
    }

    /** Exit status and standard error of a scripted command. */
    public record Outcome(int exit, String stderr) {
        public static Outcome ok() {
            return new Outcome(0, "");
        }
    }

    private final List<String> log = new CopyOnWriteArrayList<>();
    private volatile Script script = (node, argv) -> {
        throw new AssertionError("no command expected, got " + argv + " on " + node);
    };

    public ScriptedRunner script(Script newScript) {
        this.script = newScript;
        return this;
    }

    /** {@code node: command line} for every command run, ssh taken apart. */
    public List<String> commands() {
        return new ArrayList<>(log);
    }

    @Override
    public CommandResult run(Command command) {
        List<String> argv = command.argv();
        String node = "local";
        List<String> effective = argv;
        if (argv.get(0).equals("ssh")) {
            int separator = argv.indexOf("--");
            node = argv.get(separator - 1);
            effective = List.of(argv.get(separator + 1).split(" "));
        }
        log.add(node + ": " + String.join(" ", effective));
        try {
            Outcome outcome = script.run(node, effective);
            return new CommandResult(argv, outcome.exit(), "", outcome.stderr(), Duration.ofMillis(1), false, false);
        } catch (Exception e) {
            throw new IllegalStateException("scripted command failed: " + e, e);
        }
    }

    @Override
    public BackgroundProcess start(BackgroundCommand command) {
        log.add("background: " + command.display());
        throw new UnsupportedOperationException("background commands are not played by this runner");
    }
}

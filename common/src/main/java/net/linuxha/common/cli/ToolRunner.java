package net.linuxha.common.cli;

import java.time.Clock;
import java.util.Objects;

import net.linuxha.common.config.ConfigException;
import net.linuxha.common.wire.DaemonUnreachableException;

import picocli.CommandLine;

/**
 * Builds the picocli {@link CommandLine} every tool runs with, and runs a tool's {@code main} through a
 * {@link SystemExit}:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     ToolRunner.run(new ClStartApp(Clock.systemDefaultZone()), args, SystemExit.jvm());
 * }
 * }</pre>
 *
 * <p>Errors print as {@code ERROR dd/mm/yyyy hh:mm:ss text} on the command line's error writer and map to
 * {@link ExitCode}s ({@link ToolErrorHandler}); a wrong command line exits with {@link ExitCode#USAGE}.
 */
public final class ToolRunner {

    private ToolRunner() {
    }

    /** A command line for {@code command} with {@code errors} as its error handling (stamped by its clock). */
    public static CommandLine commandLine(Object command, ToolErrorHandler errors) {
        Objects.requireNonNull(errors, "errors");
        CommandLine commandLine = new CommandLine(Objects.requireNonNull(command, "command"));
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExitCodeExceptionMapper(errors);
        commandLine.getCommandSpec().exitCodeOnSuccess(ExitCode.SUCCESS.code())
                .exitCodeOnInvalidInput(ExitCode.USAGE.code())
                .exitCodeOnExecutionException(ExitCode.INTERNAL.code());
        return commandLine;
    }

    /** A command line for {@code command} whose errors are stamped by the system clock. */
    public static CommandLine commandLine(Object command) {
        return commandLine(command, standardErrors(Clock.systemDefaultZone()));
    }

    /**
     * The error handling every tool shares: a configuration problem exits {@link ExitCode#CONFIG}, an unreachable
     * daemon {@link ExitCode#NOT_RUNNING}; each prints its message as an ERROR line without a stack trace.
     */
    public static ToolErrorHandler standardErrors(Clock clock) {
        return new ToolErrorHandler(clock)
                .map(ConfigException.class, ExitCode.CONFIG)
                .map(DaemonUnreachableException.class, ExitCode.NOT_RUNNING);
    }

    /** Runs {@code command} with {@code args} and ends through {@code exit} with the command's exit code. */
    public static void run(Object command, String[] args, SystemExit exit) {
        run(commandLine(command), args, exit);
    }

    /** Runs a prepared command line and ends through {@code exit} with its exit code. */
    public static void run(CommandLine commandLine, String[] args, SystemExit exit) {
        int status = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        exit.exit(status);
    }
}

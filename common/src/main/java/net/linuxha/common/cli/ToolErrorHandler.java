package net.linuxha.common.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import net.linuxha.common.log.LogLine;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what a tool throws into what its user sees: {@code ERROR dd/mm/yyyy hh:mm:ss message} lines on standard
 * error (the Reference's tools print errors this way, e.g. clstat's {@code ERROR 08/07/2005 05:08:08 Cluster
 * md10cluster is not running.}) and an {@link ExitCode}.
 *
 * <ul>
 * <li>{@link ToolException}: its message and its code, no stack trace.</li>
 * <li>Exception classes registered with {@link #map(Class, ExitCode)} (e.g. the configuration parser's exception as
 * {@link ExitCode#CONFIG}): their message and that code, no stack trace.</li>
 * <li>I/O errors: the file and the reason, {@link ExitCode#FAILURE}, no stack trace.</li>
 * <li>A wrong command line: the problem and a hint to {@code --help}, {@link ExitCode#USAGE}.</li>
 * <li>Anything else is a bug: the exception and its stack trace, {@link ExitCode#INTERNAL}.</li>
 * </ul>
 */
public final class ToolErrorHandler
        implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {

    private final Clock clock;
    private final Map<Class<? extends Throwable>, ExitCode> mapped = new LinkedHashMap<>();

    public ToolErrorHandler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reports exceptions of {@code type} (and its subclasses) by their message alone, exiting with {@code code}.
     * The first registration that matches wins.
     */
    public ToolErrorHandler map(Class<? extends Throwable> type, ExitCode code) {
        mapped.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(code, "code"));
        return this;
    }

    /** The exit code for {@code failure}. */
    public ExitCode exitCodeFor(Throwable failure) {
        if (failure instanceof ToolException tool) {
            return tool.exitCode();
        }
        for (Map.Entry<Class<? extends Throwable>, ExitCode> entry : mapped.entrySet()) {
            if (entry.getKey().isInstance(failure)) {
                return entry.getValue();
            }
        }
        if (failure instanceof ParameterException) {
            return ExitCode.USAGE;
        }
        if (failure instanceof IOException || failure instanceof UncheckedIOException) {
            return ExitCode.FAILURE;
        }
        return ExitCode.INTERNAL;
    }

    @Override
    public int getExitCode(Throwable failure) {
        return exitCodeFor(failure).code();
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        ExitCode code = exitCodeFor(failure);
        PrintWriter err = commandLine.getErr();
        if (code == ExitCode.INTERNAL) {
            err.print(error("internal error in " + commandLine.getCommandName() + ": " + failure
                    + "\nThis is a bug in linuxha; please report it with the lines below."));
            err.print(error(stackTrace(failure)));
        } else {
            err.print(error(describe(failure)));
        }
        err.flush();
        return code.code();
    }

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine commandLine = problem.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.print(error(problem.getMessage()));
        UnmatchedArgumentException.printSuggestions(problem, err);
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** {@code message} as {@code ERROR} lines stamped now. */
    public String error(String message) {
        return LogLine.format("ERROR", clock.instant(), clock.getZone(), message);
    }

    /** The text a user sees for an expected failure. */
    static String describe(Throwable failure) {
        Throwable shown = failure instanceof UncheckedIOException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (shown instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile() + detail(missing);
        }
        if (shown instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile() + "; run as root or fix the file's permissions"
                    + detail(denied);
        }
        if (shown instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + (fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason());
        }
        String message = shown.getMessage();
        return message == null || message.isBlank() ? shown.toString() : message;
    }

    private static String detail(FileSystemException e) {
        return e.getReason() == null ? "" : " (" + e.getReason() + ")";
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString().stripTrailing();
    }
}

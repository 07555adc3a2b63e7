package net.linuxha.common.cli;

import java.util.Objects;

/**
 * A failure a tool reports to its user: the message is printed as {@code ERROR dd/mm/yyyy hh:mm:ss message} on
 * standard error, without a stack trace, and the tool exits with {@link #exitCode()}. The message must say what is
 * wrong and how to fix it.
 */
public class ToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public ToolException(ExitCode exitCode, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    public ToolException(ExitCode exitCode, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** A configuration problem ({@link ExitCode#CONFIG}). */
    public static ToolException config(String message) {
        return new ToolException(ExitCode.CONFIG, message);
    }

    /** Something the request needs is not running ({@link ExitCode#NOT_RUNNING}). */
    public static ToolException notRunning(String message) {
        return new ToolException(ExitCode.NOT_RUNNING, message);
    }

    /** The operation failed ({@link ExitCode#FAILURE}). */
    public static ToolException failure(String message) {
        return new ToolException(ExitCode.FAILURE, message);
    }
}

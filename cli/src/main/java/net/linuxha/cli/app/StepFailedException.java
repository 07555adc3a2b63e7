package net.linuxha.cli.app;

/** A step of a start or halt failed; the message says what and how to fix it (the caller rolls back). */
public final class StepFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StepFailedException(String message) {
        super(message);
    }

    public StepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

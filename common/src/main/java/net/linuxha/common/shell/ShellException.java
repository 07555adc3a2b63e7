package net.linuxha.common.shell;

/** Base of every failure raised by the shell layer; unchecked because callers decide per operation what is fatal. */
public class ShellException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ShellException(String message) {
        super(message);
    }

    public ShellException(String message, Throwable cause) {
        super(message, cause);
    }
}

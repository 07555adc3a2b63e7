package net.linuxha.common.shell;

import java.io.IOException;

/** The program could not be started at all (missing, not executable, bad working directory). */
public class CommandStartException extends ShellException {

    private static final long serialVersionUID = 1L;

    public CommandStartException(String display, String program, IOException cause) {
        super("Cannot run '" + display + "': " + cause.getMessage() + ". Check that '" + program
                + "' is installed, executable and on PATH (" + System.getenv("PATH") + ")", cause);
    }
}

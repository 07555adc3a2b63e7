package net.linuxha.common.shell;

/** A tool succeeded but printed something we cannot understand (a different version, or a changed format). */
public class ToolOutputException extends ShellException {

    private static final long serialVersionUID = 1L;

    public ToolOutputException(String message) {
        super(message + ". Check that the installed tool is a supported version");
    }
}

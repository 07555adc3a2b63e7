package net.linuxha.common.shell;

/** A command ran but did not succeed; carries the full result, including the tool's own stderr. */
public class CommandFailedException extends ShellException {

    private static final long serialVersionUID = 1L;

    private final transient CommandResult result;

    public CommandFailedException(CommandResult result) {
        this(result.describeFailure(), result);
    }

    public CommandFailedException(String message, CommandResult result) {
        super(message);
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }

    public String stderr() {
        return result.stderr();
    }
}

package net.linuxha.common.shell;

/** An LVM command failed; the message carries LVM's own words. */
public class LvmException extends CommandFailedException {

    private static final long serialVersionUID = 1L;

    public LvmException(String message, CommandResult result) {
        super(message, result);
    }
}

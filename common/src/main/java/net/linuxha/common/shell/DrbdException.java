package net.linuxha.common.shell;

/** A DRBD command failed; the message carries drbdadm's or drbdsetup's own words. */
public class DrbdException extends CommandFailedException {

    private static final long serialVersionUID = 1L;

    public DrbdException(String message, CommandResult result) {
        super(message, result);
    }
}

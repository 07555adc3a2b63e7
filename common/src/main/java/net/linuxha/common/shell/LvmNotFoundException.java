package net.linuxha.common.shell;

/** The volume group or logical volume named in an LVM command does not exist. */
public class LvmNotFoundException extends LvmException {

    private static final long serialVersionUID = 1L;

    public LvmNotFoundException(String message, CommandResult result) {
        super(message, result);
    }
}

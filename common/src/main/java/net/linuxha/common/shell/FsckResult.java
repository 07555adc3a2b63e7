package net.linuxha.common.shell;

import java.util.EnumSet;
import java.util.Set;

/**
 * The outcome of {@code fsck -a}, decoded from its exit status, which is a sum of these bits (fsck(8)). Reference
 * 22.4.1: the start of an application aborts when fsck says a reboot is needed or errors were left.
 *
 * @param exitCode the raw status
 * @param output   stdout and stderr, for the start log
 */
public record FsckResult(String device, int exitCode, String output) {

    /** The bits of fsck's exit status. */
    public enum Flag {
        ERRORS_CORRECTED(1),
        REBOOT_REQUIRED(2),
        ERRORS_UNCORRECTED(4),
        OPERATIONAL_ERROR(8),
        USAGE_ERROR(16),
        CANCELLED(32),
        SHARED_LIBRARY_ERROR(128);

        private final int bit;

        Flag(int bit) {
            this.bit = bit;
        }

        public int bit() {
            return bit;
        }
    }

    public Set<Flag> flags() {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (Flag flag : Flag.values()) {
            if ((exitCode & flag.bit) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }

    /** 0 (clean) or 1 (errors corrected): the file system may be mounted. */
    public boolean mountable() {
        return exitCode == 0 || exitCode == Flag.ERRORS_CORRECTED.bit;
    }

    public boolean rebootRequired() {
        return (exitCode & Flag.REBOOT_REQUIRED.bit) != 0;
    }

    /** A message for the administrator: what fsck said and what to do. */
    public String describe() {
        if (mountable()) {
            return "fsck of " + device + " " + (exitCode == 0 ? "found it clean" : "corrected errors");
        }
        String advice = rebootRequired() ? "reboot the node before starting the application"
                : "run 'fsck " + device + "' by hand and repair the file system";
        return "fsck of " + device + " exited with " + exitCode + " " + flags() + ": " + advice + ". fsck said: "
                + CommandLineText.excerpt(output, 400);
    }
}

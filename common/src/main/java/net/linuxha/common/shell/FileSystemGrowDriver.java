package net.linuxha.common.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Grows a mounted file system to fill its (already grown) device, Reference 18.3: {@code resize2fs DEVICE} for
 * ext2/3/4 (on-line growth of a mounted ext4 works on current kernels), {@code xfs_growfs MOUNTPOINT} for xfs,
 * {@code mount -o remount,resize} for jfs and {@code resize_reiserfs DEVICE} for reiserfs.
 */
public final class FileSystemGrowDriver {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final CommandRunner runner;

    public FileSystemGrowDriver(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Whether {@link #grow} knows how to grow this file system type. */
    public static boolean canGrow(String fsType) {
        return command(fsType, "/dev/x", Path.of("/x")) != null;
    }

    /** Grows the file system of {@code fsType} on {@code device}, mounted at {@code mountPoint}, to the device size. */
    public void grow(String fsType, String device, Path mountPoint) {
        Command command = command(fsType, device, mountPoint);
        if (command == null) {
            throw new ShellException("Cannot grow a " + fsType + " file system on " + device + " (" + mountPoint
                    + "): linuxha grows ext2/ext3/ext4, xfs, jfs and reiserfs only; grow it by hand with the "
                    + "file system's own tool");
        }
        CommandResult result = runner.run(command.withTimeout(TIMEOUT));
        if (!result.succeeded()) {
            throw new CommandFailedException("Growing the " + fsType + " file system on " + device + " ("
                    + mountPoint + ") failed: " + result.describeFailure() + ". The device has grown; run the "
                    + "command by hand once the cause is fixed", result);
        }
    }

    /**
     * Grows an unmounted ext2/3/4 file system (18.3.2, off-line): {@code e2fsck -f -p} first, as resize2fs demands,
     * then {@code resize2fs}. Other types grow only while mounted.
     */
    public void growUnmounted(String fsType, String device) {
        if (!fsType.toLowerCase(Locale.ROOT).startsWith("ext")) {
            throw new ShellException("A " + fsType + " file system on " + device + " grows only while mounted; mount "
                    + "it and resize again");
        }
        CommandResult check = runner.run(Command.of("e2fsck", "-f", "-p", device).withTimeout(TIMEOUT));
        // e2fsck: 0 clean, 1 errors corrected; anything else needs a person
        if (check.timedOut() || check.exitCode() > 1) {
            throw new CommandFailedException("The file system on " + device + " must be checked before it can grow, "
                    + "and " + check.describeFailure() + "; run 'e2fsck -f " + device + "' by hand", check);
        }
        CommandResult result = runner.run(Command.of("resize2fs", device).withTimeout(TIMEOUT));
        if (!result.succeeded()) {
            throw new CommandFailedException("Growing the " + fsType + " file system on " + device + " failed: "
                    + result.describeFailure() + ". The device has grown; run resize2fs by hand", result);
        }
    }

    private static Command command(String fsType, String device, Path mountPoint) {
        return switch (fsType.toLowerCase(Locale.ROOT)) {
            case "ext2", "ext3", "ext4" -> Command.of("resize2fs", device);
            case "xfs" -> Command.of("xfs_growfs", mountPoint.toString());
            case "jfs" -> Command.of(List.of("mount", "-o", "remount,resize", mountPoint.toString()));
            case "reiserfs" -> Command.of("resize_reiserfs", device);
            default -> null;
        };
    }
}

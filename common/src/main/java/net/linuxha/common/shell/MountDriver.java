package net.linuxha.common.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * File systems of applications (Reference 11.1, 11.4, 22.4.1): check with {@code fsck -a}, mount, unmount, kill
 * the processes that keep a mount busy ({@code fuser -km}), and read the mount table.
 */
public final class MountDriver {

    /** How an unmount attempt ended; the halt sequence retries on {@link #BUSY} (Reference 11.4). */
    public enum UnmountOutcome {
        UNMOUNTED,
        NOT_MOUNTED,
        BUSY
    }

    private static final Duration QUICK = Duration.ofSeconds(60);

    private final CommandRunner runner;
    private final Path mountInfo;
    private final Duration fsckTimeout;

    public MountDriver(CommandRunner runner) {
        this(runner, Path.of("/proc/self/mountinfo"), Command.DEFAULT_TIMEOUT);
    }

    /**
     * @param mountInfo   the mount table to read; the lab points it at {@code /proc/PID/mountinfo} of a node
     * @param fsckTimeout fsck of a large file system can take long; the start script budget bounds it
     */
    public MountDriver(CommandRunner runner, Path mountInfo, Duration fsckTimeout) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.mountInfo = Objects.requireNonNull(mountInfo, "mountInfo");
        this.fsckTimeout = Objects.requireNonNull(fsckTimeout, "fsckTimeout");
    }

    /** {@code fsck [-t TYPE] -a DEVICE}; any exit status is a result, see {@link FsckResult#mountable()}. */
    public FsckResult fsck(String device, Optional<String> fsType) {
        List<String> argv = new ArrayList<>(List.of("fsck"));
        fsType.ifPresent(t -> argv.addAll(List.of("-t", t)));
        argv.addAll(List.of("-a", device));
        CommandResult result = runner.run(Command.of(argv).withTimeout(fsckTimeout));
        if (result.timedOut()) {
            throw new CommandFailedException("fsck of " + device + " did not finish within " + fsckTimeout
                    + " and was killed; run it by hand before starting the application", result);
        }
        // stderr first: it holds the reason (bad superblock, no device); stdout is banner and advice.
        return new FsckResult(device, result.exitCode(), (result.stderr() + "\n" + result.stdout()).strip());
    }

    /** {@code mount -t TYPE -o OPTIONS DEVICE DIRECTORY}. */
    public void mount(String device, Path directory, String fsType, String options) {
        CommandResult result = runner.run(Command.of("mount", "-t", fsType, "-o", options, device,
                directory.toString()).withTimeout(QUICK));
        if (!result.succeeded()) {
            throw new CommandFailedException("Cannot mount " + device + " (" + fsType + ") on " + directory + ": "
                    + result.stderr().strip() + ". Check that the device exists, the directory exists and nothing "
                    + "else is mounted there", result);
        }
    }

    /** {@code umount DIRECTORY}; busy and not-mounted are answers, anything else is an error. */
    public UnmountOutcome unmount(Path directory) {
        CommandResult result = runner.run(Command.of("umount", directory.toString()).withTimeout(QUICK));
        if (result.succeeded()) {
            return UnmountOutcome.UNMOUNTED;
        }
        String err = result.stderr();
        if (err.contains("target is busy") || err.contains("device is busy")) {
            return UnmountOutcome.BUSY;
        }
        if (err.contains("not mounted") || err.contains("no mount point specified")) {
            return UnmountOutcome.NOT_MOUNTED;
        }
        throw new CommandFailedException(result);
    }

    /**
     * {@code fuser -km DIRECTORY}: SIGKILL every process using the file system mounted there.
     *
     * @return the pids fuser reported killing (empty when none used it)
     */
    public List<Long> killUsers(Path directory) {
        CommandResult result = runner.run(Command.of("fuser", "-km", directory.toString()).withTimeout(QUICK)
                .asProbe());
        // fuser exits 1 when no process uses the file system; its stderr is full of "Cannot stat" noise then.
        if (result.exitCode() != 0 && result.exitCode() != 1 || result.timedOut()) {
            throw new CommandFailedException(result);
        }
        return parseFuserPids(result.stdout());
    }

    static List<Long> parseFuserPids(String stdout) {
        List<Long> pids = new ArrayList<>();
        for (String token : stdout.trim().split("\\s+")) {
            String digits = token.replaceAll("[^0-9]", "");
            if (!digits.isEmpty()) {
                pids.add(Long.parseLong(digits));
            }
        }
        return pids;
    }

    /** The mount table of this process's mount namespace. */
    public List<MountEntry> mounts() {
        try {
            return MountInfoParser.parse(Files.readString(mountInfo));
        } catch (IOException e) {
            throw new ShellException("Cannot read the mount table " + mountInfo + ": " + e.getMessage(), e);
        }
    }

    /** The topmost mount on {@code directory}, if any. */
    public Optional<MountEntry> mountAt(Path directory) {
        String wanted = directory.toAbsolutePath().normalize().toString();
        List<MountEntry> all = mounts();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).mountPoint().equals(wanted)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }
}

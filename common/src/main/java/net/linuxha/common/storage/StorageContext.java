package net.linuxha.common.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.DrbdDriver;
import net.linuxha.common.shell.FileSystemGrowDriver;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.LvmDriver;
import net.linuxha.common.shell.MountDriver;
import net.linuxha.common.shell.RemoteCommandRunner;
import net.linuxha.common.shell.RemoteShell;

/**
 * Everything the storage jobs share: paths, the DRBD files, this node and the peer, the local-only drivers (mount,
 * file system growth), the clock and the sleeper. Build it with {@link #of(ClusterSetup, CommandRunner)}.
 */
public record StorageContext(ClusterPaths paths, DrbdFiles files, StorageNode local, StorageNode peer,
                             RemoteShell peerShell, MountDriver mount, FileSystemGrowDriver grow, Clock clock,
                             Sleeper sleeper) {

    /** Timeout for an ssh command on the peer that only checks or starts DRBD. */
    static final Duration PEER_TIMEOUT = Duration.ofMinutes(2);

    public StorageContext {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(peerShell, "peerShell");
        Objects.requireNonNull(mount, "mount");
        Objects.requireNonNull(grow, "grow");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Production wiring: local commands through {@code runner}, the peer over ssh, the system clock. */
    public static StorageContext of(ClusterSetup setup, CommandRunner runner) throws ConfigException {
        ClusterPaths paths = setup.paths();
        DrbdFiles files = DrbdFiles.of(paths);
        Optional<Path> config = Optional.of(files.topConfig());
        RemoteShell shell = new RemoteShell(runner, setup.peer().name());
        CommandRunner remote = new RemoteCommandRunner(shell);
        StorageNode local = new StorageNode(setup.local().name(), runner, new DrbdDriver(runner, config),
                new LvmDriver(runner), new IpDriver(runner));
        StorageNode peer = new StorageNode(setup.peer().name(), remote, new DrbdDriver(remote, config),
                new LvmDriver(remote), new IpDriver(remote));
        return new StorageContext(paths, files, local, peer, shell, new MountDriver(runner),
                new FileSystemGrowDriver(runner), Clock.systemDefaultZone(), Sleeper.system());
    }

    public StorageContext withClock(Clock newClock, Sleeper newSleeper) {
        return new StorageContext(paths, files, local, peer, peerShell, mount, grow, newClock, newSleeper);
    }
}

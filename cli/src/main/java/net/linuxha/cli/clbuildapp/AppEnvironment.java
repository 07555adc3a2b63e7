package net.linuxha.cli.clbuildapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import net.linuxha.cli.cluster.PeerNode;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClconfPermissions;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.MountDriver;
import net.linuxha.common.storage.ApplicationStorage;
import net.linuxha.common.storage.SyncOptions;

/**
 * What clbuildapp takes from the machine, in one value so tests can substitute each part.
 *
 * @param deviceNumber {@code major:minor} of a device node (the logical volume's), to match it in mountinfo
 * @param peers        the other node, by name, with this node's path layout
 * @param cluster      the running cluster's daemons, for a loaded configuration
 * @param storage      the application storage API for a loaded configuration
 */
record AppEnvironment(ClusterPaths paths, CommandRunner runner, String hostName, ClconfPermissions permissions,
                      MountDriver mounts, Function<String, Optional<String>> deviceNumber,
                      Function<String, PeerNode> peers, Function<ClusterSetup, ClusterLink> cluster,
                      StorageFactory storage, SyncOptions syncOptions) {

    /** Opens the storage API of this node. */
    @FunctionalInterface
    interface StorageFactory {
        ApplicationStorage open(ClusterSetup setup) throws ConfigException;
    }

    AppEnvironment {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(mounts, "mounts");
        Objects.requireNonNull(deviceNumber, "deviceNumber");
        Objects.requireNonNull(peers, "peers");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(syncOptions, "syncOptions");
    }

    /** {@code major:minor} of a device node from its {@code st_rdev} (Linux encoding, as glibc's major/minor). */
    static Optional<String> deviceNumberOf(String device) {
        try {
            Object rdev = Files.getAttribute(Path.of(device), "unix:rdev");
            if (!(rdev instanceof Long dev) || dev == 0) {
                return Optional.empty();
            }
            long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
            long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
            return Optional.of(major + ":" + minor);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

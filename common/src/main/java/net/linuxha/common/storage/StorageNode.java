package net.linuxha.common.storage;

import java.util.Objects;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.DrbdDriver;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.LvmDriver;

/**
 * The drivers of one node: for this node they run commands directly, for the peer through ssh
 * ({@link net.linuxha.common.shell.RemoteCommandRunner}), so each job does the same thing on either node.
 */
public record StorageNode(String name, CommandRunner runner, DrbdDriver drbd, LvmDriver lvm, IpDriver ip) {

    public StorageNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(drbd, "drbd");
        Objects.requireNonNull(lvm, "lvm");
        Objects.requireNonNull(ip, "ip");
    }
}

package net.linuxha.cli.clbuild;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import net.linuxha.cli.checks.NodeShell;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.RemoteShell;

/**
 * The other node as clbuild uses it: commands, its paths, and a way to copy a file there.
 *
 * @param paths  where the product's files are on that node (the same layout as here in production)
 * @param copier copies a local file to a path on that node, keeping its mode
 */
record Peer(NodeShell shell, ClusterPaths paths, FileCopier copier) {

    /** Copies a local file to the node. */
    @FunctionalInterface
    interface FileCopier {
        CommandResult copy(Path localFile, String remotePath);
    }

    static final Duration COPY_TIMEOUT = Duration.ofSeconds(60);

    Peer {
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(copier, "copier");
    }

    /** The node {@code name} over ssh (RemoteShell: commands, scp), with this node's path layout. */
    static Peer overSsh(CommandRunner runner, String name, ClusterPaths paths) {
        RemoteShell remote = new RemoteShell(runner, name);
        return new Peer(NodeShell.remote(remote), paths, (file, path) -> remote.copyTo(file, path, COPY_TIMEOUT));
    }

    String node() {
        return shell.node();
    }
}

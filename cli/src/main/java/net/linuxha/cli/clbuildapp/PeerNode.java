package net.linuxha.cli.clbuildapp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import net.linuxha.cli.checks.NodeShell;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.RemoteShell;

/**
 * The other node as clbuildapp uses it: commands there, its paths (the same layout as here in production), and a
 * way to copy a file to it.
 */
record PeerNode(NodeShell shell, ClusterPaths paths, FileCopier copier) {

    /** Copies a local file to a path on the node, keeping its mode. */
    @FunctionalInterface
    interface FileCopier {
        CommandResult copy(Path localFile, String remotePath);
    }

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    PeerNode {
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(copier, "copier");
    }

    static PeerNode overSsh(CommandRunner runner, String name, ClusterPaths paths) {
        RemoteShell remote = new RemoteShell(runner, name);
        return new PeerNode(NodeShell.remote(remote), paths, (file, path) -> remote.copyTo(file, path, TIMEOUT));
    }

    String node() {
        return shell.node();
    }

    CommandRunner runner() {
        return shell.runner();
    }

    /** Runs a command there; an IllegalStateException naming the node and what failed otherwise. */
    CommandResult require(String what, Command command) {
        CommandResult result = runner().run(command.withTimeout(TIMEOUT));
        if (!result.succeeded()) {
            throw new BuildStepException("cannot " + what + " on " + node() + ": " + result.describeFailure()
                    + "; check ssh as root to " + node() + " and the path named");
        }
        return result;
    }

    /** Copies a file through a temporary name and renames it, so the node never sees half a file. */
    void install(Path local, String remote, String mode) {
        require("create " + Path.of(remote).getParent(), Command.of("mkdir", "-p",
                Path.of(remote).getParent().toString()));
        String temporary = remote + ".clbuildapp-tmp";
        CommandResult copied = copier.copy(local, temporary);
        if (!copied.succeeded()) {
            throw new BuildStepException("cannot copy " + local + " to " + node() + ": " + copied.describeFailure()
                    + "; check ssh/scp as root to " + node() + " and free space there");
        }
        require("set mode " + mode + " on " + temporary, Command.of("chmod", mode, temporary));
        require("rename " + temporary + " to " + remote, Command.of("mv", "-f", "-T", temporary, remote));
    }
}

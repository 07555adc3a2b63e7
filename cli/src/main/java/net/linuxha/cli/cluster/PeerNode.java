package net.linuxha.cli.cluster;

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
 * The other node as clbuild and clbuildapp use it: commands there, its paths (the same layout as here in
 * production), and a way to copy a file to it.
 *
 * @param copier copies a local file to a path on that node, keeping its mode
 */
public record PeerNode(NodeShell shell, ClusterPaths paths, FileCopier copier) {

    /** Copies a local file to a path on the node, keeping its mode. */
    @FunctionalInterface
    public interface FileCopier {
        CommandResult copy(Path localFile, String remotePath);
    }

    /** A step on the other node that failed: what, where, why and what to check. */
    public static final class StepException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepException(String message) {
            super(message);
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    public PeerNode {
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(copier, "copier");
    }

    /** The node {@code name} over ssh (RemoteShell: commands, scp), with this node's path layout. */
    public static PeerNode overSsh(CommandRunner runner, String name, ClusterPaths paths) {
        RemoteShell remote = new RemoteShell(runner, name);
        return new PeerNode(NodeShell.remote(remote), paths, (file, path) -> remote.copyTo(file, path, TIMEOUT));
    }

    public String node() {
        return shell.node();
    }

    public CommandRunner runner() {
        return shell.runner();
    }

    /** Runs a command there; a {@link StepException} naming the node and what failed otherwise. */
    public CommandResult require(String what, Command command) {
        CommandResult result = runner().run(command.withTimeout(TIMEOUT));
        if (!result.succeeded()) {
            throw new StepException("cannot " + what + " on " + node() + ": " + result.describeFailure()
                    + "; check ssh as root to " + node() + " and the path named");
        }
        return result;
    }

    /**
     * Copies a file to {@code remote} with {@code mode}, through a temporary name and a rename so the node never
     * sees half a file; creates the directory first.
     */
    public void install(Path local, String remote, String mode) {
        String directory = Path.of(remote).getParent().toString();
        require("create " + directory, Command.of("mkdir", "-p", directory));
        String temporary = remote + ".linuxha-tmp";
        CommandResult copied = copier.copy(local, temporary);
        if (!copied.succeeded()) {
            throw new StepException("cannot copy " + local + " to " + node() + ": " + copied.describeFailure()
                    + "; check ssh/scp as root to " + node() + " and free space in " + directory);
        }
        require("set mode " + mode + " on " + temporary, Command.of("chmod", mode, temporary));
        require("rename " + temporary + " to " + remote, Command.of("mv", "-f", "-T", temporary, remote));
    }
}

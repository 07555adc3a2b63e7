package net.linuxha.cli.checks;

import java.util.Objects;

import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.RemoteCommandRunner;
import net.linuxha.common.shell.RemoteShell;

/**
 * Commands on one cluster node: this one directly, the other over ssh. Checks take a NodeShell and run the same
 * commands on either node, so each check is written once for both.
 *
 * @param node  the node's name as clconf.xml gives it
 * @param local true for the node the tool runs on
 */
public record NodeShell(String node, boolean local, CommandRunner runner) {

    public NodeShell {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(runner, "runner");
    }

    public static NodeShell local(String node, CommandRunner runner) {
        return new NodeShell(node, true, runner);
    }

    /** The node {@code shell} reaches over ssh. */
    public static NodeShell remote(RemoteShell shell) {
        return new NodeShell(shell.node(), false, new RemoteCommandRunner(shell));
    }

    /** {@code target}, reached by ssh from this node: "ssh back" from the other node (7.2.4). */
    public NodeShell sshTo(String target) {
        return new NodeShell(target, false, new RemoteCommandRunner(new RemoteShell(runner, target)));
    }
}

package net.linuxha.cli.clremoveapp;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import net.linuxha.common.cli.ToolException;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.MountEntry;
import net.linuxha.common.shell.MountInfoParser;

/**
 * The files of one node as clremoveapp sees them, through commands ({@code test}, {@code ls}, {@code rm},
 * {@code tar}, ...), so that this node (the shell layer directly) and the other node (the same commands over ssh)
 * are handled by the same code and reported by the same lines (12: "The above test/action should be repeated on the
 * remote node").
 */
final class NodeFiles {

    private static final Duration QUICK = Duration.ofSeconds(30);
    /** A configuration directory is small; tar of it over ssh still gets a generous limit. */
    private static final Duration BACKUP = Duration.ofMinutes(5);

    private final CommandRunner runner;
    private final String node;

    NodeFiles(CommandRunner runner, String node) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.node = Objects.requireNonNull(node, "node");
    }

    String node() {
        return node;
    }

    /** True when a trivial command runs there: the node is available. */
    boolean reachable() {
        return runner.run(Command.of("true").withTimeout(QUICK).asProbe()).succeeded();
    }

    boolean exists(String path) {
        return runner.run(Command.of("test", "-e", path).withTimeout(QUICK).asProbe()).succeeded();
    }

    boolean isDirectory(String path) {
        return runner.run(Command.of("test", "-d", path).withTimeout(QUICK).asProbe()).succeeded();
    }

    /** The entries of a directory; a sub-directory's name ends in {@code /}. */
    List<String> list(String dir) {
        CommandResult result = require("list " + dir, Command.of("ls", "-1Ap", "--", dir));
        return result.stdout().lines().filter(l -> !l.isBlank()).sorted().toList();
    }

    /** Removes a file, or a directory with everything below it. */
    void remove(String path) {
        require("remove " + path, Command.of("rm", "-rf", "--", path));
    }

    /** Removes an empty directory. */
    void removeEmptyDirectory(String path) {
        require("remove the directory " + path, Command.of("rmdir", "--", path));
    }

    /**
     * Writes {@code archive} (gzip'd tar) of {@code name} below {@code parent}, creating the archive's directory
     * first; returns the archive's size in bytes.
     */
    long backup(String parent, String name, String archiveDir, String archive) {
        require("create the backup directory " + archiveDir, Command.of("mkdir", "-p", "--", archiveDir));
        require("back up " + parent + "/" + name + " to " + archive,
                Command.of("tar", "-czf", archive, "-C", parent, "--", name).withTimeout(BACKUP));
        String size = require("read the size of " + archive, Command.of("stat", "-c", "%s", "--", archive))
                .stdout().strip();
        try {
            return Long.parseLong(size);
        } catch (NumberFormatException e) {
            throw ToolException.failure("stat gave \"" + size + "\" as the size of " + archive + " on node " + node
                    + "; check the backup there.");
        }
    }

    /** The mount points of the node (its {@code /proc/self/mountinfo}). */
    Set<String> mountPoints() {
        CommandResult table = require("read the mount table", Command.of("cat", "/proc/self/mountinfo"));
        return MountInfoParser.parse(table.stdout()).stream().map(MountEntry::mountPoint)
                .collect(Collectors.toSet());
    }

    private CommandResult require(String what, Command command) {
        CommandResult result = runner.run(command.timeout().equals(Command.DEFAULT_TIMEOUT)
                ? command.withTimeout(QUICK) : command);
        if (!result.succeeded()) {
            throw ToolException.failure("Unable to " + what + " on node " + node + ": " + result.describeFailure());
        }
        return result;
    }
}

package net.linuxha.common.resources;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;

/**
 * The resource flag files of a node reached through commands ({@code ls}, {@code mkdir}, {@code touch},
 * {@code rm}, {@code mv}), normally the other node through a runner that goes over ssh. clbuild and clbuildapp use
 * it to give the other node the same pools and allocations as this one.
 *
 * <p>It takes no lock on the other node: the tools that change a node's pools run on one node at a time (the
 * Reference's clbuild and clbuildapp are run by the administrator on one node), and every change is a single
 * create, delete or rename(2), so a crash never leaves a torn file.
 */
public final class CommandResourceStore implements ResourceStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Names per touch/rm command: a pool of 65535 ports must not build one command line of megabytes. */
    private static final int BATCH = 400;

    private final CommandRunner runner;
    private final String resourcesDir;
    private final String node;

    /**
     * @param runner       runs commands on the node
     * @param resourcesDir the resources directory on that node, e.g. {@code /etc/cluster/.resources}
     * @param node         the node's name, for messages
     */
    public CommandResourceStore(CommandRunner runner, String resourcesDir, String node) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.resourcesDir = Objects.requireNonNull(resourcesDir, "resourcesDir");
        this.node = Objects.requireNonNull(node, "node");
    }

    private String directory(ResourceKind kind) {
        return resourcesDir + "/" + kind.directory();
    }

    @Override
    public String describe() {
        return resourcesDir + " on " + node;
    }

    @Override
    public List<String> list(ResourceKind kind) throws IOException {
        CommandResult listing = runner.run(Command.of("ls", "-1A", directory(kind)).withTimeout(TIMEOUT));
        if (listing.succeeded()) {
            return listing.stdout().lines().filter(l -> !l.isBlank()).sorted().toList();
        }
        if (!runner.run(Command.of("test", "-e", directory(kind)).withTimeout(TIMEOUT).asProbe()).succeeded()) {
            return List.of();
        }
        throw failed("list " + directory(kind), listing);
    }

    @Override
    public boolean ensureDirectory(ResourceKind kind) throws IOException {
        if (runner.run(Command.of("test", "-d", directory(kind)).withTimeout(TIMEOUT).asProbe()).succeeded()) {
            return false;
        }
        require("create " + directory(kind), Command.of("mkdir", "-p", directory(kind)));
        return true;
    }

    @Override
    public void create(ResourceKind kind, List<String> names) throws IOException {
        forEachBatch(kind, names, "touch", "create resource flags in");
    }

    @Override
    public void delete(ResourceKind kind, List<String> names) throws IOException {
        forEachBatch(kind, names, "rm", "delete resource flags in");
    }

    @Override
    public void rename(ResourceKind kind, String from, String to) throws IOException {
        String dir = directory(kind);
        require("rename " + from + " to " + to + " in " + dir, Command.of("mv", "-n", "-T",
                dir + "/" + DirectoryResourceStore.checked(from), dir + "/" + DirectoryResourceStore.checked(to)));
        // mv -n succeeds without moving when the target exists; the source must be gone for the rename to count.
        if (runner.run(Command.of("test", "-e", dir + "/" + from).withTimeout(TIMEOUT).asProbe()).succeeded()) {
            throw new IOException("cannot rename " + from + " to " + to + " in " + dir + " on " + node + ": " + to
                    + " exists already");
        }
    }

    @Override
    public <T> T locked(LockedWork<T> work) throws IOException, ResourceException {
        return work.run();
    }

    private void forEachBatch(ResourceKind kind, List<String> names, String program, String what)
            throws IOException {
        String dir = directory(kind);
        for (int start = 0; start < names.size(); start += BATCH) {
            List<String> argv = new ArrayList<>(program.equals("rm") ? List.of("rm", "-f", "--")
                    : List.of(program, "--"));
            for (String name : names.subList(start, Math.min(names.size(), start + BATCH))) {
                argv.add(dir + "/" + DirectoryResourceStore.checked(name));
            }
            require(what + " " + dir, Command.of(argv));
        }
    }

    private void require(String what, Command command) throws IOException {
        CommandResult result = runner.run(command.withTimeout(TIMEOUT));
        if (!result.succeeded()) {
            throw failed(what, result);
        }
    }

    private IOException failed(String what, CommandResult result) {
        return new IOException("cannot " + what + " on " + node + ": " + result.describeFailure());
    }
}

package net.linuxha.common.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * DRBD 9 through {@code drbdadm} (resource operations, driven by the resource files) and {@code drbdsetup} (state as
 * JSON and events). Reference 4.2, 11.1 (start: up, primary), 11.4 (halt: secondary, down), 18.3 (resize).
 */
public final class DrbdDriver {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final CommandRunner runner;
    private final Optional<Path> configFile;

    /** Uses drbdadm's default configuration ({@code /etc/drbd.conf}). */
    public DrbdDriver(CommandRunner runner) {
        this(runner, Optional.empty());
    }

    /** @param configFile passed to drbdadm as {@code -c FILE}; the lab keeps one per node */
    public DrbdDriver(CommandRunner runner, Optional<Path> configFile) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.configFile = Objects.requireNonNull(configFile, "configFile");
    }

    public void up(String resource) {
        adm("up", resource);
    }

    public void down(String resource) {
        adm("down", resource);
    }

    /** {@code drbdadm primary [--force] RES}; force makes an Inconsistent or Outdated local disk the source. */
    public void primary(String resource, boolean force) {
        if (force) {
            adm("primary", "--force", resource);
        } else {
            adm("primary", resource);
        }
    }

    public void secondary(String resource) {
        adm("secondary", resource);
    }

    public void adjust(String resource) {
        adm("adjust", resource);
    }

    /** {@code drbdadm create-md --force RES}: writes fresh metadata; only for a new or rebuilt volume. */
    public void createMetadata(String resource) {
        adm("create-md", "--force", resource);
    }

    public void connect(String resource) {
        adm("connect", resource);
    }

    public void disconnect(String resource) {
        adm("disconnect", resource);
    }

    /** {@code drbdadm invalidate-remote RES}: the peer's copy is declared stale and fully resynchronised. */
    public void invalidateRemote(String resource) {
        adm("invalidate-remote", resource);
    }

    /** {@code drbdadm resize RES}: after the backing logical volumes grew (Reference 18.3). */
    public void resize(String resource) {
        adm("resize", resource);
    }

    /**
     * Whether the resource's backing disk carries DRBD meta data: {@code drbdadm get-gi RES} reads it (from the
     * kernel when the resource is up, else from the disk with drbdmeta) and says "No valid meta data found" when a
     * volume was never given any, which is when {@code create-md} is due.
     */
    public boolean hasMetadata(String resource) {
        CommandResult result = runner.run(admCommand("get-gi", resource));
        if (result.succeeded()) {
            return true;
        }
        if ((result.stderr() + result.stdout()).contains("No valid meta data found")) {
            return false;
        }
        check(result);
        return true;
    }

    /** {@code drbdsetup status --json}: every resource configured in the kernel. */
    public List<DrbdResourceStatus> status() {
        return DrbdStatusParser.parse(check(setup("status", "--json")).stdout());
    }

    /** One resource, or empty when it is not configured in the kernel (down). */
    public Optional<DrbdResourceStatus> status(String resource) {
        CommandResult result = setup("status", resource, "--json");
        if (!result.succeeded() && result.stderr().contains("No such resource")) {
            return Optional.empty();
        }
        return DrbdStatusParser.parse(check(result).stdout()).stream().findFirst();
    }

    /** {@code drbdsetup events2 --now --statistics}: the current state of everything, as event lines. */
    public List<DrbdEvent> currentEvents() {
        return DrbdEventsParser.parse(check(setup("events2", "--now", "--statistics")).stdout());
    }

    private void adm(String... args) {
        check(runner.run(admCommand(args)));
    }

    private Command admCommand(String... args) {
        List<String> argv = new ArrayList<>(List.of("drbdadm"));
        configFile.ifPresent(file -> argv.addAll(List.of("-c", file.toString())));
        argv.addAll(List.of(args));
        return Command.of(argv).withTimeout(TIMEOUT);
    }

    private CommandResult setup(String... args) {
        List<String> argv = new ArrayList<>(List.of("drbdsetup"));
        argv.addAll(List.of(args));
        return runner.run(Command.of(argv).withTimeout(TIMEOUT));
    }

    private static CommandResult check(CommandResult result) {
        if (result.succeeded()) {
            return result;
        }
        String says = drbdMessage(result.stderr());
        String hint = says.contains("modprobe drbd") ? "; the drbd kernel module is not available on this node"
                : says.contains("not defined in your config") ? "; check the resource files under /etc/drbd.d"
                : "";
        throw new DrbdException("'" + result.display() + "' failed (exit " + result.exitCode() + "): " + says + hint,
                result);
    }

    /** drbd-utils' own lines, without the shell's complaints about helpers it tried to run. */
    static String drbdMessage(String stderr) {
        List<String> lines = stderr.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("sh: ")).toList();
        return lines.isEmpty() ? "(no message)" : String.join(" / ", lines);
    }
}

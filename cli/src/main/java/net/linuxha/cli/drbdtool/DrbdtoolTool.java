package net.linuxha.cli.drbdtool;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.LogOptions;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.shell.ShellException;
import net.linuxha.common.storage.ApplicationStorage;
import net.linuxha.common.storage.FileSystemState;
import net.linuxha.common.storage.PrimaryMode;
import net.linuxha.common.storage.Scope;
import net.linuxha.common.storage.StorageException;
import net.linuxha.common.storage.SyncOptions;
import net.linuxha.common.cli.HelpOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drbd_tool}: an application's DRBD devices and file systems by hand, outside the cluster (Reference 8.6.1,
 * 18.3). Runs on this node only; start the peer's devices with {@code ssh PEER drbd_tool ... --noprimary}.
 *
 * <p>Besides the Reference's actions, {@code sync} (what clbuildapp --sync does: both nodes started, this node's
 * copy pushed to the peer with progress lines, both stopped) and {@code status} (clstat -A's file system lines).
 */
@Command(name = "drbd_tool", sortOptions = false,
        description = "Manage the DRBD devices and file systems of an application outside the cluster.")
public final class DrbdtoolTool implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    /** The actions of 8.6.1 and 18.3, plus sync and status. */
    enum Action {
        START, MOUNT, UNMOUNT, DOWN, SET_PRIMARY, RESIZE, INVALIDATE_REMOTE, SYNC, STATUS;

        static Action parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new ToolException(ExitCode.USAGE, "Unknown --action \"" + text + "\"; use one of start, mount, "
                        + "unmount, down, set_primary, resize, invalidate_remote, sync, status");
            }
        }
    }

    @Mixin
    LogOptions logging;

    @Spec
    CommandSpec spec;

    @Option(names = {"-A", "--application"}, required = true, description = "The application.")
    String application;

    @Option(names = "--action", required = true, paramLabel = "ACTION",
            description = "start, mount, unmount, down, set_primary, resize, invalidate_remote, sync or status.")
    String action;

    @Option(names = "--noprimary", description = "With start: only start the devices, do not make them primary.")
    boolean noPrimary;

    @Option(names = "--force", description = "With start and set_primary: force this node's copy primary when "
            + "DRBD does not know it to be current (it overwrites the other node's copy).")
    boolean force;

    @Option(names = "--vg", description = "With resize and invalidate_remote: the volume group of one file system.")
    String vg;

    @Option(names = "--lv", description = "With resize and invalidate_remote: the logical volume of one file system.")
    String lv;

    @Option(names = "--size", paramLabel = "SIZE", description = "With resize, --vg and --lv: the new size of the "
            + "logical volume on both nodes, e.g. 40M, 2G, 512K (default unit M).")
    String size;

    @Option(names = "--maxdelay", paramLabel = "SECONDS", description = "With unmount: how long a busy file system "
            + "is retried before the processes using it are killed (default ${DEFAULT-VALUE}).")
    int maxDelaySeconds = 10;

    @Option(names = "--forcesync", description = "With sync: resynchronise everything, even what DRBD knows to be "
            + "in sync.")
    boolean forceSync;

    @Option(names = "--interval", paramLabel = "SECONDS", description = "With sync: seconds between progress "
            + "lines (default ${DEFAULT-VALUE}).")
    int intervalSeconds = 2;

    @Override
    public Integer call() throws Exception {
        Action what = Action.parse(action);
        logging.startLogging(logging.terminal());
        try {
            ClusterSetup setup = ClusterSetup.load(ClusterPaths.system());
            ApplicationStorage storage = ApplicationStorage.open(setup, new ProcessCommandRunner());
            run(what, storage);
            return ExitCode.SUCCESS.code();
        } catch (StorageException | ShellException e) {
            throw ToolException.failure(e.getMessage());
        }
    }

    private void run(Action what, ApplicationStorage storage) throws Exception {
        PrimaryMode mode = force ? PrimaryMode.FORCE_IF_NEEDED : PrimaryMode.NORMAL;
        switch (what) {
            case START -> {
                storage.bringUp(application, Scope.LOCAL);
                if (!noPrimary) {
                    storage.makePrimary(application, mode);
                }
            }
            case MOUNT -> storage.fsckAndMount(application);
            case UNMOUNT -> storage.unmount(application, Duration.ofSeconds(maxDelaySeconds));
            case DOWN -> storage.takeDown(application, Scope.LOCAL);
            case SET_PRIMARY -> storage.makePrimary(application, mode);
            case RESIZE -> {
                Optional<FileSystemId> fs = fileSystem();
                if (fs.isPresent() && size != null) {
                    storage.resize(application, fs.get(), SizeArgument.kib(size));
                } else if (fs.isEmpty() && size == null) {
                    storage.resizeToDisks(application);
                } else {
                    throw new ToolException(ExitCode.USAGE, "resize takes --vg, --lv and --size together (grow one "
                            + "file system), or none of them (grow every device to its grown logical volumes)");
                }
            }
            case INVALIDATE_REMOTE -> storage.invalidateRemote(application, fileSystem());
            case SYNC -> sync(storage);
            case STATUS -> print(storage.fileSystems(application));
            default -> throw new IllegalStateException("unhandled action " + what);
        }
    }

    private void sync(ApplicationStorage storage) throws Exception {
        SyncOptions defaults = SyncOptions.defaults(forceSync);
        SyncOptions options = new SyncOptions(forceSync, defaults.connectWait(), defaults.timeout(),
                Duration.ofSeconds(Math.max(1, intervalSeconds)));
        PrintWriter out = spec.commandLine().getOut();
        try {
            storage.syncFrom(application, options, states -> {
                states.forEach(s -> out.println("Sync progress: " + s.line()));
                out.flush();
            });
        } finally {
            storage.takeDown(application, Scope.BOTH);
        }
        out.println("Application " + application + " file systems synchronised.");
    }

    private void print(List<FileSystemState> states) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "%-20s %-7s %-5s %-8s %-10s %s", "Mount Point", "Valid", "Type",
                "State", "% Complete", "Completion").stripTrailing());
        states.forEach(s -> out.println(s.line()));
    }

    private Optional<FileSystemId> fileSystem() {
        if (vg == null && lv == null) {
            return Optional.empty();
        }
        if (vg == null || lv == null) {
            throw new ToolException(ExitCode.USAGE, "--vg and --lv name one file system together; give both");
        }
        return Optional.of(new FileSystemId(vg, lv));
    }
}

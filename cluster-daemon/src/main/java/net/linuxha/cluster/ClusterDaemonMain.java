package net.linuxha.cluster;

import java.util.List;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.SystemExit;
import net.linuxha.common.cli.ToolRunner;

/**
 * Entry point of {@code bin/cldaemon} (the launcher names the process {@code cldaemon-<cluster>}): parse and
 * validate, wire, start ({@link CldaemonCommand}), and end through {@link SystemExit} with its exit code.
 */
public final class ClusterDaemonMain {

    private ClusterDaemonMain() {
    }

    public static void main(String[] args) {
        run(args, ClusterPaths.system(), SystemExit.jvm());
    }

    /** As main, with the paths and exit replaced (tests). */
    public static void run(String[] args, ClusterPaths paths, SystemExit exit) {
        ToolRunner.run(new CldaemonCommand(List.of(args), paths), args, exit);
    }
}

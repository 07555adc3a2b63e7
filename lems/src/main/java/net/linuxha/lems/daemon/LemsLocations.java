package net.linuxha.lems.daemon;

import java.nio.file.Path;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.config.LemsConfig;
import net.linuxha.common.log.LogFiles;

/**
 * Where a Lems writes. The {@code logs} attribute of the globals overrides the directory (Reference 9.3,
 * footnote 4); when it is left at its default, the directory follows {@link ClusterPaths} so that a test or lab
 * root ({@code -Dlinuxha.root}) is honoured rather than the literal /var/log/cluster/lems.
 */
public final class LemsLocations {

    private LemsLocations() {
    }

    /** The directory of the Lems log and of RUNCMD output. */
    public static Path logsDir(LemsConfig config, ClusterPaths paths) {
        return config.logs().equals(LemsConfig.DEFAULT_LOGS) ? new LogFiles(paths).lemsDir() : config.logs();
    }

    /** {@code lems-<application>.log} in {@link #logsDir}. */
    public static Path logFile(String application, LemsConfig config, ClusterPaths paths) {
        return logsDir(config, paths).resolve("lems-" + application + ".log");
    }
}

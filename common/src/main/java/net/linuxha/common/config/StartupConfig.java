package net.linuxha.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /etc/cluster/clstartup.xml} (Reference 10.4): how clstartup forms the cluster at boot.
 *
 * @param allowSingleNode     form a one-node cluster when the other node does not answer in time
 * @param backgroundStartup   form the cluster in the background (the Reference's 1.0.0 always does)
 * @param joinExistingCluster join a cluster that is already running
 * @param autostartApps       start applications whose autostart is set once the cluster forms
 * @param timeout             overrides clconf.xml timings.clusterform when present
 */
public record StartupConfig(boolean allowSingleNode, boolean backgroundStartup, boolean joinExistingCluster,
                            boolean autostartApps, Optional<Duration> timeout) {

    public StartupConfig {
        Objects.requireNonNull(timeout, "timeout");
    }

    public static Loaded<StartupConfig> load(Path file) throws ConfigException {
        return ConfigLoader.load(file, new StartupConfigBinder());
    }

    public static Loaded<StartupConfig> parse(Path file, String xml) throws ConfigException {
        return ConfigLoader.parse(file, xml, new StartupConfigBinder());
    }

    /** The time to wait for the other node: this file's timeout, else the cluster's clusterform. */
    public Duration effectiveTimeout(ClusterConfig cluster) {
        return timeout.orElse(cluster.timings().clusterform());
    }
}

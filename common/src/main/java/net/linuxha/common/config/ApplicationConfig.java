package net.linuxha.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /etc/cluster/<application>/appconf.xml} (Reference 8.1, 14.6, 19, 22.2), validated. Load with
 * {@link #load(Path)}; check it against the cluster with {@link ApplicationClusterCheck}.
 *
 * @param name          application name; equals the name of its directory under /etc/cluster
 * @param description   free text, optional
 * @param version       file format, "0.1" or "0.2"
 * @param takeover      NORMAL (default) or FORCE
 * @param syncRateKb    DRBD resynchronisation rate per device in KB/s, default 1000
 * @param autostart     start when the cluster forms (clform, clstart), default false
 * @param dependencies  applications that should run before this one, in file order
 * @param preferredNode where to run when both nodes are up; empty means no preference
 * @param networks      service addresses per logical network, possibly none
 * @param volumeGroups  replicated volume groups, possibly none
 * @param startScript   the start command; empty when the application has none
 * @param stopScript    the stop command; empty when the application has none
 * @param maxStartTime  how long the start command may run, default 30 s
 * @param maxStopTime   how long the stop command may run, default 30 s
 */
public record ApplicationConfig(String name, Optional<String> description, String version, Takeover takeover,
                                int syncRateKb, boolean autostart, List<String> dependencies,
                                Optional<PreferredNode> preferredNode, List<ApplicationNetwork> networks,
                                List<VolumeGroup> volumeGroups, Optional<ScriptCommand> startScript,
                                Optional<ScriptCommand> stopScript, Duration maxStartTime, Duration maxStopTime) {

    /** The appconf.xml formats this software reads (the Reference's samples use 0.1 and 0.2). */
    public static final List<String> SUPPORTED_VERSIONS = List.of("0.1", "0.2");
    public static final int DEFAULT_SYNC_RATE_KB = 1000;
    /** 22.2: with no --maxdelay and nothing in the file, 30 seconds for both starting and stopping. */
    public static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(30);

    public ApplicationConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(takeover, "takeover");
        dependencies = List.copyOf(dependencies);
        networks = List.copyOf(networks);
        volumeGroups = List.copyOf(volumeGroups);
        Objects.requireNonNull(maxStartTime, "maxStartTime");
        Objects.requireNonNull(maxStopTime, "maxStopTime");
    }

    public static Loaded<ApplicationConfig> load(Path file) throws ConfigException {
        return ConfigLoader.load(file, new ApplicationConfigBinder());
    }

    public static Loaded<ApplicationConfig> parse(Path file, String xml) throws ConfigException {
        return ConfigLoader.parse(file, xml, new ApplicationConfigBinder());
    }

    /** Every service address of the application, network by network. */
    public List<String> allIps() {
        return networks.stream().flatMap(n -> n.ips().stream()).toList();
    }
}

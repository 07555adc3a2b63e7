package net.linuxha.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A procmon configuration file such as {@code /etc/cluster/apache/httpd.xml} (Reference 9.3, 24.4.8), validated.
 *
 * @param logDir         log directory; the Reference's table says the default is "/var/cluster/log", which every
 *                       other part of the Reference spells /var/log/cluster, so that is the default used
 * @param restarts       restarts allowed on this node before a fail-over; required
 * @param resetWindow    after this time the restart count is reset, default 3600 s
 * @param restartCommand the command that restarts the application; empty means none is configured
 * @param processes      what to watch, at least one
 */
public record ProcmonConfig(Path logDir, int restarts, Duration resetWindow, Optional<ScriptCommand> restartCommand,
                            List<ProcessSpec> processes) {

    public static final Path DEFAULT_LOG_DIR = Path.of("/var/log/cluster");
    public static final Duration DEFAULT_RESET_WINDOW = Duration.ofSeconds(3600);

    public ProcmonConfig {
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(resetWindow, "resetWindow");
        Objects.requireNonNull(restartCommand, "restartCommand");
        processes = List.copyOf(processes);
    }

    public static Loaded<ProcmonConfig> load(Path file) throws ConfigException {
        return ConfigLoader.load(file, new ProcmonConfigBinder());
    }

    public static Loaded<ProcmonConfig> parse(Path file, String xml) throws ConfigException {
        return ConfigLoader.parse(file, xml, new ProcmonConfigBinder());
    }
}

package net.linuxha.common.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /etc/cluster/<application>/lems.local.xml} (Reference 9.2, 14.6, 24.2), validated.
 *
 * @param modules  directory of monitor modules, default /sbin/cluster/lems/modules
 * @param programs directory of monitor programs, default /sbin/cluster/lems/programs
 * @param logs     log directory, default /var/log/cluster/lems
 * @param port     the port this Lems listens on
 * @param checks   the checks in file order, names unique
 */
public record LemsConfig(Path modules, Path programs, Path logs, int port, List<LemsCheck> checks) {

    public static final Path DEFAULT_MODULES = Path.of("/sbin/cluster/lems/modules");
    public static final Path DEFAULT_PROGRAMS = Path.of("/sbin/cluster/lems/programs");
    public static final Path DEFAULT_LOGS = Path.of("/var/log/cluster/lems");

    public LemsConfig {
        Objects.requireNonNull(modules, "modules");
        Objects.requireNonNull(programs, "programs");
        Objects.requireNonNull(logs, "logs");
        checks = List.copyOf(checks);
    }

    public static Loaded<LemsConfig> load(Path file) throws ConfigException {
        return ConfigLoader.load(file, new LemsConfigBinder());
    }

    public static Loaded<LemsConfig> parse(Path file, String xml) throws ConfigException {
        return ConfigLoader.parse(file, xml, new LemsConfigBinder());
    }

    public Optional<LemsCheck> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}

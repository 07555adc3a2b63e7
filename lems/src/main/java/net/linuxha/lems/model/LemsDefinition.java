package net.linuxha.lems.model;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A whole Lems configuration for one application (Reference 24.2): the globals and the checks in file order.
 *
 * @param application the application monitored
 * @param modulesDir  where site module jars are found ({@code globals modules})
 * @param programsDir where {@code program} checks and RUNCMD programs are found ({@code globals programs})
 * @param logsDir     where RUNCMD output goes ({@code globals logs})
 * @param port        the port the daemon listens on ({@code globals port})
 * @param checks      the checks, names unique
 */
public record LemsDefinition(String application, Path modulesDir, Path programsDir, Path logsDir, int port,
                             List<CheckDefinition> checks) {

    public LemsDefinition {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(modulesDir, "modulesDir");
        Objects.requireNonNull(programsDir, "programsDir");
        Objects.requireNonNull(logsDir, "logsDir");
        checks = List.copyOf(checks);
        Set<String> names = new HashSet<>();
        for (CheckDefinition check : checks) {
            if (!names.add(check.name())) {
                throw new IllegalArgumentException("the Lems configuration of " + application + " has two checks "
                        + "named " + check.name() + "; every check needs its own name");
            }
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the Lems port of " + application + " must be 1 to 65535, got "
                    + port);
        }
    }

    public Optional<CheckDefinition> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}

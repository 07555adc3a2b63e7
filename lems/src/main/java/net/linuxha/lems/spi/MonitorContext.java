package net.linuxha.lems.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.ClusterPaths;

/**
 * What a monitor may use besides its arguments (the Perl object environment of Reference 24.6.1): the
 * application and check it serves, the cluster paths, a clock, a way to run programs, where system files are read
 * from, and typed services the daemon offers.
 *
 * <p>Monitors log through SLF4J ({@code LoggerFactory.getLogger(...)}): {@code warn} is Perl's {@code ::logwarn},
 * {@code info} its {@code ::logmsg} (written only when the daemon is verbose).
 *
 * @param application  the application Lems monitors
 * @param checkName    the {@code name} of the check this monitor serves
 * @param paths        the node's cluster paths ({@code /etc/cluster/<application>/flags} is under them)
 * @param clock        the only source of time a monitor should use
 * @param programs     starts external programs; never start one any other way
 * @param systemFiles  where {@code /proc} and {@code /etc/passwd} are read from (a temporary tree in tests)
 * @param programsDir  the {@code programs} directory of the Lems globals
 * @param logsDir      the {@code logs} directory of the Lems globals
 * @param services     daemon services by type, for modules that need more than this (the IP and file system
 *                     monitors ask it for the cluster daemon link and the shell layer's drivers)
 */
public record MonitorContext(String application, String checkName, ClusterPaths paths, Clock clock,
                             ProgramRunner programs, SystemFiles systemFiles, Path programsDir, Path logsDir,
                             Services services) {

    public MonitorContext {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(checkName, "checkName");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(programs, "programs");
        Objects.requireNonNull(systemFiles, "systemFiles");
        Objects.requireNonNull(programsDir, "programsDir");
        Objects.requireNonNull(logsDir, "logsDir");
        Objects.requireNonNull(services, "services");
    }

    /** The same context for another check. */
    public MonitorContext forCheck(String name) {
        return new MonitorContext(application, name, paths, clock, programs, systemFiles, programsDir, logsDir,
                services);
    }

    /** Typed services offered by the daemon. */
    public interface Services {
        <T> Optional<T> find(Class<T> type);

        static Services none() {
            return new Services() {
                @Override
                public <T> Optional<T> find(Class<T> type) {
                    return Optional.empty();
                }
            };
        }

        /** The given objects; {@code find(T)} answers the first that is a {@code T}. */
        static Services of(Object... services) {
            List<Object> offered = List.of(services);
            return new Services() {
                @Override
                public <T> Optional<T> find(Class<T> type) {
                    return offered.stream().filter(type::isInstance).map(type::cast).findFirst();
                }
            };
        }
    }
}

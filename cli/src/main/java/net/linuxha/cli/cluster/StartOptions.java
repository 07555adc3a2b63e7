package net.linuxha.cli.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How clform or clstartup asks cldaemon to form or join (19.3, 10.4): passed on as cldaemon options, with
 * {@code --detach --verbose} always ("Both daemons are run detached in verbose logging mode", 10.3).
 *
 * @param force     form even without the other node or with clocks more than 10 minutes apart
 * @param timeout   overrides timings.clusterform
 * @param noLocking the daemons do not use the lock daemon
 * @param config    an alternative clconf.xml
 */
public record StartOptions(boolean force, Optional<Duration> timeout, boolean noLocking, Optional<Path> config) {

    public StartOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(config, "config");
    }

    public static StartOptions defaults() {
        return new StartOptions(false, Optional.empty(), false, Optional.empty());
    }

    /** {@code cldaemon} arguments for {@code --form} or {@code --join}. */
    public List<String> daemonArgs(boolean join) {
        List<String> args = new ArrayList<>(List.of(join ? "--join" : "--form", "--detach", "--verbose"));
        if (force) {
            args.add("--force");
        }
        timeout.ifPresent(t -> {
            args.add("--timeout");
            args.add(Long.toString(t.toSeconds()));
        });
        if (noLocking) {
            args.add("--nolocking");
        }
        config.ifPresent(file -> {
            args.add("--config");
            args.add(file.toString());
        });
        return args;
    }
}

package net.linuxha.cluster.daemon;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the daemon was asked to start: {@code --form} or {@code --join}, {@code --force}, and {@code --timeout}
 * (overrides clconf.xml's clusterform).
 */
public record StartMode(boolean join, boolean force, Optional<Duration> timeout) {

    public StartMode {
        Objects.requireNonNull(timeout, "timeout");
    }
}

package net.linuxha.cluster.failover;

import java.time.Instant;
import java.util.Objects;

/**
 * When an application was started on each node, as both daemons report it after they can talk again; null where it
 * is not running.
 */
public record RunningApplication(String application, Instant startedHere, Instant startedOnPeer) {

    public RunningApplication {
        Objects.requireNonNull(application, "application");
    }

    public boolean onBothNodes() {
        return startedHere != null && startedOnPeer != null;
    }
}

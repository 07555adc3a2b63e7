package net.linuxha.cluster.membership;

import java.time.Duration;
import java.util.Objects;

/**
 * How this daemon was asked to start (25.3): forming as the primary (first node in clconf.xml) or the secondary,
 * or joining a running cluster; whether --force was given; how long to wait for the peer ({@code clusterform},
 * which the command line may override); and the delay between attempts to reach the peer. A joining node picks
 * each delay at random between {@code retryMin} and {@code retryMax}, as the Reference's "ECHO HELLO=yes sent
 * repeatedly using a random delay"; a forming node uses {@code retryMin} every time.
 */
public record FormationSettings(String localNode, String peerNode, Role role, boolean force, Duration clusterform,
        Duration retryMin, Duration retryMax) {

    /** Which part of the handshake this node plays. */
    public enum Role { PRIMARY, SECONDARY, JOINING }

    public FormationSettings {
        Objects.requireNonNull(localNode, "localNode");
        Objects.requireNonNull(peerNode, "peerNode");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(clusterform, "clusterform");
        Objects.requireNonNull(retryMin, "retryMin");
        Objects.requireNonNull(retryMax, "retryMax");
        if (localNode.equals(peerNode)) {
            throw new IllegalArgumentException("The local node and the remote node are both '" + localNode
                    + "': clconf.xml must name two different nodes");
        }
        if (clusterform.isNegative() || clusterform.isZero()) {
            throw new IllegalArgumentException("clusterform must be positive, was " + clusterform.toMillis()
                    + " ms: set timings/clusterform in clconf.xml (typically 60 to 300 seconds)");
        }
        if (retryMin.isNegative() || retryMin.isZero() || retryMax.compareTo(retryMin) < 0) {
            throw new IllegalArgumentException("The retry delay must be positive with retryMin <= retryMax, was "
                    + retryMin.toMillis() + " ms to " + retryMax.toMillis() + " ms");
        }
    }

    /** cldaemon --form: {@code primary} when the local node is the first node in clconf.xml. */
    public static FormationSettings form(String localNode, String peerNode, boolean primary, boolean force,
            Duration clusterform, Duration probeInterval) {
        return new FormationSettings(localNode, peerNode, primary ? Role.PRIMARY : Role.SECONDARY, force,
                clusterform, probeInterval, probeInterval);
    }

    /** cldaemon --join. */
    public static FormationSettings join(String localNode, String peerNode, boolean force, Duration clusterform,
            Duration retryMin, Duration retryMax) {
        return new FormationSettings(localNode, peerNode, Role.JOINING, force, clusterform, retryMin, retryMax);
    }
}

package net.linuxha.cluster.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Split-brain after a partition heals (21.6): an application runs on both nodes, so one node resets itself at once
 * (TOC, no shutdown, no disk sync) to stop two copies writing the same data.
 *
 * <p>The Reference: take the first application running on both nodes and reset the node which started it first.
 * Both daemons run this and exactly one of them must find that it is the one to reset, so every choice here is
 * independent of which node asks:
 * <ul>
 * <li>"first application" is the first by name, not by each node's registration order, which may differ;</li>
 * <li>equal start times reset the node whose name sorts first (String order).</li>
 * </ul>
 * The check runs about every {@link #CHECK_INTERVAL}.
 */
public final class DuplicateResolver {

    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);

    /** Which node resets, because of which application, and the reason to log. */
    public record Resolution(String application, String nodeToReset, String reason) {
        public Resolution {
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(nodeToReset, "nodeToReset");
            Objects.requireNonNull(reason, "reason");
        }

        public boolean resets(String node) {
            return nodeToReset.equals(node);
        }
    }

    private DuplicateResolver() {
    }

    /** Whether the next duplicate check is due; {@code lastCheck} null means never checked. */
    public static boolean checkDue(Instant lastCheck, Instant now) {
        return lastCheck == null || !now.isBefore(lastCheck.plus(CHECK_INTERVAL));
    }

    /** The node to reset, or empty if no application runs on both nodes. */
    public static Optional<Resolution> resolve(String localNode, String peerNode, List<RunningApplication> apps) {
        Objects.requireNonNull(localNode, "localNode");
        Objects.requireNonNull(peerNode, "peerNode");
        return apps.stream().filter(RunningApplication::onBothNodes)
                .min(Comparator.comparing(RunningApplication::application))
                .map(a -> resolution(localNode, peerNode, a));
    }

    private static Resolution resolution(String localNode, String peerNode, RunningApplication a) {
        int byTime = a.startedHere().compareTo(a.startedOnPeer());
        String reset;
        String why;
        if (byTime != 0) {
            reset = byTime < 0 ? localNode : peerNode;
            why = "it started " + a.application() + " first (" + (byTime < 0 ? a.startedHere() : a.startedOnPeer())
                    + ")";
        } else {
            reset = localNode.compareTo(peerNode) < 0 ? localNode : peerNode;
            why = "both started " + a.application() + " at " + a.startedHere() + " and its name sorts first";
        }
        return new Resolution(a.application(), reset, "Application " + a.application() + " is running on both "
                + localNode + " and " + peerNode + " - node " + reset + " will reset immediately since " + why
                + ".");
    }
}

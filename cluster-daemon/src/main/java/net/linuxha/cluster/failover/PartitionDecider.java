package net.linuxha.cluster.failover;

import java.util.List;
import java.util.Optional;

import net.linuxha.cluster.failover.ApplicationProbe.Location;
import net.linuxha.cluster.failover.PartitionVerdict.Outcome;

/**
 * Network partitioning (21.6): no network reaches the peer any more; did the node die, or are we cut off?
 *
 * <p>The Reference's questions, in its order:
 * <ol>
 * <li>Does a service IP of an application running on the peer answer from here? Then the node is up and only its
 * daemon died: {@link Outcome#PEER_DAEMON_DIED}, nothing moves.</li>
 * <li>Does a running application (on either node) define a usable checklist? If any checklist reaches its
 * checkpercent, this node's networks work, so the peer is down: {@link Outcome#PEER_DEAD}. If checklists exist and
 * none passes, this node is the one cut off: {@link Outcome#PARTITIONED}.</li>
 * <li>Otherwise applications are no help: if any application runs on the peer, assume the node is down (so its
 * applications keep running somewhere), else assume partitioned.</li>
 * </ol>
 *
 * <p>Step 3 is the Reference's worst case: with no usable checklists both nodes may each decide the other is
 * down and start its applications; the {@link DuplicateResolver} ends that once the network heals.
 */
public final class PartitionDecider {

    private PartitionDecider() {
    }

    /** Decides from the probes of every registered application; called only when no network reaches the peer. */
    public static PartitionVerdict decide(String peerNode, List<ApplicationProbe> applications) {
        Optional<ApplicationProbe> answering = applications.stream()
                .filter(a -> a.runningOn() == Location.PEER && a.serviceIpAnswers()).findFirst();
        if (answering.isPresent()) {
            return new PartitionVerdict(Outcome.PEER_DAEMON_DIED, "A service IP of application "
                    + answering.get().application() + " (running on " + peerNode + ") answers from here - node "
                    + peerNode + " is up and only its cluster daemon died; no application state changes.");
        }
        List<ApplicationProbe> running = applications.stream().filter(ApplicationProbe::running).toList();
        List<Checklist> checklists = running.stream().flatMap(a -> a.checklists().stream())
                .filter(Checklist::usable).toList();
        if (!checklists.isEmpty()) {
            for (ApplicationProbe a : running) {
                for (Checklist c : a.checklists()) {
                    if (c.passes()) {
                        return new PartitionVerdict(Outcome.PEER_DEAD, "Checklist of application "
                                + a.application() + " answers (" + c.describe() + ") - the network is available "
                                + "from here, so node " + peerNode + " is assumed down.");
                    }
                }
            }
            return new PartitionVerdict(Outcome.PARTITIONED, "No application checklist reaches its checkpercent ("
                    + describeAll(running) + ") - this node is cut off: network partitioned, no application "
                    + "state changes.");
        }
        List<String> onPeer = running.stream().filter(a -> a.runningOn() == Location.PEER)
                .map(ApplicationProbe::application).toList();
        if (!onPeer.isEmpty()) {
            return new PartitionVerdict(Outcome.PEER_DEAD, "No running application has a usable checklist and "
                    + String.join(", ", onPeer) + " run" + (onPeer.size() == 1 ? "s" : "") + " on " + peerNode
                    + " - assuming node " + peerNode + " is down. Define checklists in appconf.xml to tell a "
                    + "partition from a node failure.");
        }
        return new PartitionVerdict(Outcome.PARTITIONED, "No application runs on " + peerNode + " and no "
                + "checklist can tell - treating the cluster as partitioned; no application state changes.");
    }

    private static String describeAll(List<ApplicationProbe> running) {
        StringBuilder sb = new StringBuilder();
        for (ApplicationProbe a : running) {
            for (Checklist c : a.checklists()) {
                if (c.usable()) {
                    sb.append(sb.length() == 0 ? "" : "; ").append(a.application()).append(' ').append(c.describe());
                }
            }
        }
        return sb.toString();
    }
}

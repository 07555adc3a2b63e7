package net.linuxha.cluster.failover;

import java.util.List;
import java.util.Objects;

/**
 * What this node found out about one application while the peer is unreachable (21.6).
 *
 * @param application      its name
 * @param runningOn        where this node last knew it to be running (STARTING or STARTED)
 * @param serviceIpAnswers whether any of its service IP addresses answers an ICMP ping from here (only asked of
 *                         applications running on the peer)
 * @param checklists       its networks' checklist results from here; empty if it defines none
 */
public record ApplicationProbe(String application, Location runningOn, boolean serviceIpAnswers,
        List<Checklist> checklists) {

    /** Where an application runs, seen from this node. */
    public enum Location { HERE, PEER, NOWHERE }

    public ApplicationProbe {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(runningOn, "runningOn");
        checklists = List.copyOf(checklists);
    }

    boolean running() {
        return runningOn != Location.NOWHERE;
    }
}

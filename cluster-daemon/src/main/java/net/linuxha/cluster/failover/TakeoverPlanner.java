package net.linuxha.cluster.failover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import net.linuxha.cluster.failover.TakeoverDecision.Verdict;
import net.linuxha.cluster.state.ApplicationState;

/**
 * Which applications of a dead node to start here, and in which order (21.3, 25.2, 17.5).
 *
 * <p>Only applications that were STARTING or STARTED on the dead node are considered; one that was STOPPING is
 * left DOWN. For each: not valid here (a software fail-over removed this node) means skip; stale local data means
 * skip under takeover=normal and a stale start under takeover=force (the other node's copy will be overwritten when
 * it rejoins); otherwise start.
 *
 * <p>Starts are ordered so that an application's dependencies come first; otherwise the given order is kept.
 * Dependencies are "ideally" started first (8.1), so a dependency that is skipped or not registered does not stop
 * an application, it is only noted in the reason. A dependency cycle is broken at the first application of the
 * cycle in the given order, and noted.
 */
public final class TakeoverPlanner {

    private TakeoverPlanner() {
    }

    public static TakeoverPlan plan(String localNode, String deadNode, List<TakeoverCandidate> applications) {
        Objects.requireNonNull(localNode, "localNode");
        Objects.requireNonNull(deadNode, "deadNode");
        Map<String, TakeoverDecision> starts = new LinkedHashMap<>();
        List<TakeoverDecision> skipped = new ArrayList<>();
        Map<String, TakeoverCandidate> byName = new LinkedHashMap<>();
        for (TakeoverCandidate c : applications) {
            if (!deadNode.equals(c.node()) || c.state() == ApplicationState.DOWN) {
                continue;
            }
            TakeoverDecision d = decide(localNode, deadNode, c);
            if (d.verdict().starts()) {
                starts.put(c.application(), d);
                byName.put(c.application(), c);
            } else {
                skipped.add(d);
            }
        }
        Set<String> skippedNames = skipped.stream().map(TakeoverDecision::application).collect(Collectors.toSet());
        return new TakeoverPlan(order(starts, byName, skippedNames), skipped);
    }

    private static TakeoverDecision decide(String localNode, String deadNode, TakeoverCandidate c) {
        String app = c.application();
        if (c.state() == ApplicationState.STOPPING) {
            return new TakeoverDecision(app, Verdict.SKIP, "Application " + app + " was stopping on " + deadNode
                    + " when it died - left DOWN.");
        }
        if (!c.validNodes().isValid(localNode)) {
            return new TakeoverDecision(app, Verdict.SKIP, "Application " + app + " not started: " + localNode
                    + " is not a valid node for it (valid: " + c.validNodes().joined(",") + ") after an earlier "
                    + "software fail-over. Reset with cldaemonctl --msg \"SETVALIDNODES app=" + app
                    + " forward=yes\" once the fault is fixed.");
        }
        if (c.localData() == LocalData.STALE) {
            if (c.takeover() == Takeover.NORMAL) {
                return new TakeoverDecision(app, Verdict.SKIP, "Application " + app + " not started: the data on "
                        + localNode + " is stale and takeover is normal. Recover " + deadNode + ", or start it "
                        + "with stale data using clstartapp --reallyforce if losing recent changes is acceptable.");
            }
            return new TakeoverDecision(app, Verdict.START_STALE, "Starting application " + app + " on "
                    + localNode + " with stale data since takeover is force - the copy on " + deadNode
                    + " will be overwritten when it rejoins the cluster.");
        }
        return new TakeoverDecision(app, Verdict.START, "Starting application " + app + " on " + localNode
                + " since node " + deadNode + " has died.");
    }

    /** Kahn's algorithm over the applications being started, stable in the given order. */
    private static List<TakeoverDecision> order(Map<String, TakeoverDecision> starts,
            Map<String, TakeoverCandidate> byName, Set<String> skippedNames) {
        List<TakeoverDecision> ordered = new ArrayList<>();
        List<String> remaining = new ArrayList<>(starts.keySet());
        while (!remaining.isEmpty()) {
            String next = null;
            for (String name : remaining) {
                if (byName.get(name).dependencies().stream().noneMatch(remaining::contains)) {
                    next = name;
                    break;
                }
            }
            boolean cycle = next == null;
            if (cycle) {
                next = remaining.get(0);
            }
            remaining.remove(next);
            ordered.add(withNotes(starts.get(next), byName.get(next), skippedNames, cycle));
        }
        return ordered;
    }

    private static TakeoverDecision withNotes(TakeoverDecision d, TakeoverCandidate c, Set<String> skippedNames,
            boolean cycle) {
        StringBuilder reason = new StringBuilder(d.reason());
        List<String> notStarted = c.dependencies().stream().filter(skippedNames::contains).toList();
        if (!notStarted.isEmpty()) {
            reason.append(" Its dependencies ").append(String.join(", ", notStarted)).append(" were not started.");
        }
        if (cycle) {
            reason.append(" Its dependencies form a cycle (").append(String.join(", ", c.dependencies()))
                    .append(") - check global.dependencies in appconf.xml.");
        }
        return new TakeoverDecision(d.application(), d.verdict(), reason.toString());
    }
}

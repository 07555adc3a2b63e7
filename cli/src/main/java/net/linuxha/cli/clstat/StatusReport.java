package net.linuxha.cli.clstat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.linuxha.cli.cluster.AppStatus;
import net.linuxha.cli.cluster.TextTable;

/**
 * clstat's summary (11.3), from what the daemons answered to the lines printed:
 * <pre>
 * Cluster: sl4cluster - UP
 *
 * Node   Status
 * sl4s1  UP
 * sl4s2  UP
 *
 * Application  Node   State    Started  Monitor  Stale  Fail-over?
 * apache       sl4s1  STARTED  0:00:16  Running  0      Yes
 * samba        N/A    DOWN     N/A      N/A      N/A    Yes
 * </pre>
 * Started is the time since the application started (h:mm:ss, by this node's clock: a negative part shows the
 * nodes' clocks differ, as in 17.2). Monitor is Running or Stopped for a STARTED application (its Lems daemon),
 * N/A otherwise, including during a state transition. Stale counts file systems whose copies are not in step.
 */
final class StatusReport {

    static final String NOT_APPLICABLE = "N/A";

    private StatusReport() {
    }

    static List<String> summary(String cluster, String clusterState, List<NodeRow> nodes, List<AppStatus> apps,
                                Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(heading(cluster, clusterState));
        lines.add("");
        TextTable nodeTable = new TextTable("Node", "Status");
        for (NodeRow node : nodes) {
            nodeTable.row(node.node(), node.status());
        }
        lines.addAll(nodeTable.lines());
        lines.add("");
        lines.addAll(applications(apps, now, "Started"));
        return lines;
    }

    static String heading(String cluster, String clusterState) {
        return "Cluster: " + cluster + " - " + clusterState;
    }

    static List<String> applications(List<AppStatus> apps, Instant now, String startedHeading) {
        TextTable table = new TextTable("Application", "Node", "State", startedHeading, "Monitor", "Stale",
                "Fail-over?");
        for (AppStatus app : apps) {
            boolean active = app.isActive();
            table.row(app.name(), app.node().orElse(NOT_APPLICABLE), app.state(),
                    active ? app.startTime().map(start -> elapsed(start, now)).orElse(NOT_APPLICABLE)
                            : NOT_APPLICABLE,
                    app.isStarted() ? (app.monitor() ? "Running" : "Stopped") : NOT_APPLICABLE,
                    active ? app.stale() : NOT_APPLICABLE,
                    app.failover().map(yes -> yes ? "Yes" : "No").orElse(NOT_APPLICABLE));
        }
        return table.lines();
    }

    /** h:mm:ss since {@code startSeconds}; each part keeps its sign, so a start 50 s ahead reads 0:00:-50. */
    static String elapsed(long startSeconds, Instant now) {
        long seconds = now.getEpochSecond() - startSeconds;
        return String.format("%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }
}

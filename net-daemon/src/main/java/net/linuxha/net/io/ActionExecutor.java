package net.linuxha.net.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import net.linuxha.net.NetAction;
import net.linuxha.net.NetEvent;

/**
 * Carries out the decisions' actions through the I/O interfaces and turns their outcomes into events for the core.
 *
 * <ul>
 * <li>Urgent work first: moves, gratuitous ARPs and reports run in the order given, and only then are the log lines
 * written, so a slow log disk never adds to the time clients cannot reach a moved address.</li>
 * <li>A failed move becomes {@link NetEvent.MoveFailed} (the core then tries another card); the gratuitous ARPs of
 * that move are skipped.</li>
 * <li>A failed gratuitous ARP is logged; the address works, neighbours just learn its new place later.</li>
 * <li>A report cldaemon did not receive is kept and retried by {@link #retryUnsentReports()}, once per poll (only
 * the latest state per network: a down followed by an up is sent as just the up). The failure is logged once, not
 * at every retry.</li>
 * <li>A rescan becomes {@link NetEvent.NetworkRead} / {@link NetEvent.TopologyRead}; when it fails, monitoring goes
 * on with the previous settings and the error is logged.</li>
 * </ul>
 */
public final class ActionExecutor {

    private final AddressMover mover;
    private final ClusterDaemonLink cldaemon;
    private final TopologyReader topology;
    private final LogSink log;
    private final Map<String, NetAction> unsentReports = new LinkedHashMap<>();

    public ActionExecutor(AddressMover mover, ClusterDaemonLink cldaemon, TopologyReader topology, LogSink log) {
        this.mover = Objects.requireNonNull(mover, "mover");
        this.cldaemon = Objects.requireNonNull(cldaemon, "cldaemon");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Carries out {@code actions} and returns the events their outcomes produced, in order. */
    public List<NetEvent> execute(List<NetAction> actions) {
        List<NetEvent> feedback = new ArrayList<>();
        List<NetAction.Log> lines = new ArrayList<>();
        Set<String> failedTargets = new HashSet<>();
        for (NetAction action : actions) {
            if (action instanceof NetAction.Log line) {
                lines.add(line);
            } else if (action instanceof NetAction.MoveAddresses move) {
                try {
                    mover.move(move);
                } catch (IOException | RuntimeException e) {
                    failedTargets.add(move.network() + "/" + move.to());
                    feedback.add(new NetEvent.MoveFailed(move, String.valueOf(e.getMessage())));
                }
            } else if (action instanceof NetAction.SendGratuitousArp arp) {
                if (!failedTargets.contains(arp.network() + "/" + arp.card())) {
                    announce(arp, lines);
                }
            } else if (action instanceof NetAction.ReportNetworkDown || action instanceof NetAction.ReportNetworkUp) {
                boolean known = unsentReports.remove(networkOf(action)) != null;
                report(action, lines, known);
            } else if (action instanceof NetAction.RescanNetwork rescan) {
                rescan(rescan, feedback, lines);
            } else if (action instanceof NetAction.RescanTopology) {
                rescanAll(feedback, lines);
            } else {
                throw new IllegalArgumentException("unknown network daemon action " + action);
            }
        }
        lines.forEach(log::log);
        return feedback;
    }

    /** Reports not yet received by cldaemon, by network. */
    public Map<String, NetAction> unsentReports() {
        return Map.copyOf(unsentReports);
    }

    private void announce(NetAction.SendGratuitousArp arp, List<NetAction.Log> lines) {
        try {
            mover.sendGratuitousArp(arp.card(), arp.address());
        } catch (IOException | RuntimeException e) {
            lines.add(NetAction.Log.warn("Gratuitous ARP for " + arp.address().address() + " on card " + arp.card()
                    + " failed: " + e.getMessage() + " - the address works, but neighbours may take a while to "
                    + "find it"));
        }
    }

    /** Sends again the reports cldaemon did not receive; called once per poll by the driver. */
    public void retryUnsentReports() {
        List<NetAction.Log> lines = new ArrayList<>();
        for (NetAction report : List.copyOf(unsentReports.values())) {
            unsentReports.remove(networkOf(report));
            if (report(report, lines, true)) {
                lines.add(NetAction.Log.info("Informed the cluster daemon that network " + networkOf(report) + " is "
                        + (report instanceof NetAction.ReportNetworkDown ? "down" : "up") + " after an earlier "
                        + "failure"));
            }
        }
        lines.forEach(log::log);
    }

    /** @param quiet whether a failure was logged already for this network */
    private boolean report(NetAction report, List<NetAction.Log> lines, boolean quiet) {
        String network = networkOf(report);
        boolean down = report instanceof NetAction.ReportNetworkDown;
        try {
            if (down) {
                cldaemon.networkDown(network);
            } else {
                cldaemon.networkUp(network);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            unsentReports.put(network, report);
            if (!quiet) {
                lines.add(NetAction.Log.error("Cannot inform the cluster daemon that network " + network + " is "
                        + (down ? "down" : "up") + ": " + e.getMessage() + " - will retry; check that cldaemon is "
                        + "running (clstat)"));
            }
            return false;
        }
    }

    private void rescan(NetAction.RescanNetwork rescan, List<NetEvent> feedback, List<NetAction.Log> lines) {
        try {
            feedback.add(new NetEvent.NetworkRead(topology.read(rescan.network())));
        } catch (IOException | RuntimeException e) {
            lines.add(NetAction.Log.error("Cannot re-read network " + rescan.network() + ": " + e.getMessage()
                    + " - monitoring continues with the previous settings"));
        }
    }

    private void rescanAll(List<NetEvent> feedback, List<NetAction.Log> lines) {
        try {
            feedback.add(new NetEvent.TopologyRead(topology.readAll()));
        } catch (IOException | RuntimeException e) {
            lines.add(NetAction.Log.error("Cannot re-read the networks: " + e.getMessage()
                    + " - monitoring continues with the previous settings"));
        }
    }

    private static String networkOf(NetAction report) {
        if (report instanceof NetAction.ReportNetworkDown down) {
            return down.network();
        }
        return ((NetAction.ReportNetworkUp) report).network();
    }
}

package net.linuxha.common.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Requests to the cluster daemon, Reference 25.4; syntax and answers in {@code docs/protocol.md}.
 *
 * <p>The Reference's ENBD requests {@code CHECK_NBD}, {@code START_NBD}, {@code STOP_NBD} are {@code CHECK_DRBD},
 * {@code START_DRBD}, {@code STOP_DRBD} here, with the same arguments: {@code type=client} means the node running
 * the application (DRBD Primary), {@code type=server} the other node (DRBD Secondary). {@code NETWORK_FAILED} is
 * ours: the network daemon's report that a network has no working card left (Reference 21.2.1).
 */
public sealed interface ClusterRequest extends Request {

    Vocabulary<ClusterRequest> VOCABULARY = ClusterVocabulary.create();

    private static Args appArgs(String app) {
        return Args.builder().put("app", app).build();
    }

    record Time() implements ClusterRequest {
        public String keyword() { return "TIME"; }
        public Args args() { return Args.EMPTY; }
    }

    record Abort(boolean forward) implements ClusterRequest {
        public String keyword() { return "ABORT"; }
        public Args args() { return Args.builder().flag("forward", forward).build(); }
    }

    record GetNodeState(String node) implements ClusterRequest {
        public String keyword() { return "GET_NODE_STATE"; }
        public Args args() { return Args.builder().put("node", node).build(); }
    }

    /** @param state STOPPED, STOPPING, STARTING or STARTED */
    record AppUpdate(String app, String state, Optional<String> node, Optional<String> monitor,
                     Optional<String> startTime, Optional<String> consistency, boolean probe, boolean forward)
            implements ClusterRequest {
        public String keyword() { return "APP_UPDATE"; }
        public Args args() {
            return Args.builder().put("app", app).put("state", state).put("node", node).put("monitor", monitor)
                    .put("starttime", startTime).put("consistency", consistency).flag("probe", probe)
                    .flag("forward", forward).build();
        }
    }

    record StartedApp(String app) implements ClusterRequest {
        public String keyword() { return "STARTED_APP"; }
        public Args args() { return appArgs(app); }
    }

    record StartingApp(String app, String node) implements ClusterRequest {
        public String keyword() { return "STARTING_APP"; }
        public Args args() { return Args.builder().put("app", app).put("node", node).build(); }
    }

    record StartApp(String app) implements ClusterRequest {
        public String keyword() { return "START_APP"; }
        public Args args() { return appArgs(app); }
    }

    record StopApp(String app) implements ClusterRequest {
        public String keyword() { return "STOP_APP"; }
        public Args args() { return appArgs(app); }
    }

    record StoppingApp(String app) implements ClusterRequest {
        public String keyword() { return "STOPPING_APP"; }
        public Args args() { return appArgs(app); }
    }

    record StoppedApp(String app) implements ClusterRequest {
        public String keyword() { return "STOPPED_APP"; }
        public Args args() { return appArgs(app); }
    }

    /**
     * @param check     clstat's probe, not counted as a sign of life
     * @param hello     a joining node's greeting (25.3)
     * @param node      ours: the sending cluster daemon's node, when a daemon sends it (heartbeats, formation)
     * @param network   ours: the logical network the sender used
     * @param addresses ours: the sender's address on each network, {@code net:ip[,net:ip...]}, so that each daemon
     *                  learns where to reach its peer on every network (7.2.2)
     */
    record Echo(boolean check, boolean hello, Optional<String> node, Optional<String> network,
                Optional<String> addresses) implements ClusterRequest {
        public Echo {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(addresses, "addresses");
        }
        /** ECHO as a tool sends it: no node, network or addresses. */
        public Echo(boolean check, boolean hello) {
            this(check, hello, Optional.empty(), Optional.empty(), Optional.empty());
        }
        public String keyword() { return "ECHO"; }
        public Args args() {
            return Args.builder().flag("check", check).flag("hello", hello).put("node", node).put("net", network)
                    .put("addrs", addresses).build();
        }
    }

    record ChangeDstate(String state) implements ClusterRequest {
        public String keyword() { return "CHANGE_DSTATE"; }
        public Args args() { return Args.builder().put("state", state).build(); }
    }

    record Checksum(String app) implements ClusterRequest {
        public String keyword() { return "CHECKSUM"; }
        public Args args() { return appArgs(app); }
    }

    record AppList() implements ClusterRequest {
        public String keyword() { return "APP_LIST"; }
        public Args args() { return Args.EMPTY; }
    }

    record AppStatus(String app, boolean lvInfo, boolean failoverInfo, boolean nodeInfo) implements ClusterRequest {
        public String keyword() { return "APP_STATUS"; }
        public Args args() {
            return Args.builder().put("app", app).flag("lvinfo", lvInfo).flag("failoverinfo", failoverInfo)
                    .flag("nodeinfo", nodeInfo).build();
        }
    }

    /** The logical volume a DRBD or flag request is limited to; both parts or neither. */
    record Volume(String vg, String lv) {
        public Volume {
            Objects.requireNonNull(vg, "vg");
            Objects.requireNonNull(lv, "lv");
        }
    }

    /** CHECK_NBD in the Reference. @param type "client" or "server" */
    record CheckDrbd(String app, Optional<String> type) implements ClusterRequest {
        public String keyword() { return "CHECK_DRBD"; }
        public Args args() { return Args.builder().put("app", app).put("type", type).build(); }
    }

    /** START_NBD in the Reference. */
    record StartDrbd(String app, boolean forward, Optional<String> type, Optional<Volume> volume)
            implements ClusterRequest {
        public String keyword() { return "START_DRBD"; }
        public Args args() { return ClusterVocabulary.drbdArgs(app, forward, type, volume); }
    }

    /** STOP_NBD in the Reference. */
    record StopDrbd(String app, boolean forward, Optional<String> type, Optional<Volume> volume)
            implements ClusterRequest {
        public String keyword() { return "STOP_DRBD"; }
        public Args args() { return ClusterVocabulary.drbdArgs(app, forward, type, volume); }
    }

    /** @param invalid which copy is stale: "local" or "remote" */
    record FlagUnsync(String app, String vg, String lv, String invalid, boolean forward) implements ClusterRequest {
        public String keyword() { return "FLAG_UNSYNC"; }
        public Args args() {
            return Args.builder().put("app", app).put("vg", vg).put("lv", lv).put("invalid", invalid)
                    .flag("forward", forward).build();
        }
    }

    /** @param valid which node's flags to remove: "local" or "remote"; both when absent */
    record FlagSync(String app, String vg, String lv, boolean forward, Optional<String> valid)
            implements ClusterRequest {
        public String keyword() { return "FLAG_SYNC"; }
        public Args args() {
            return Args.builder().put("app", app).put("vg", vg).put("lv", lv).flag("forward", forward)
                    .put("valid", valid).build();
        }
    }

    /** @param attempt synchronisation method to try, 0 first; written only when not 0 */
    record StartSync(String app, String vg, String lv, int attempt) implements ClusterRequest {
        public String keyword() { return "START_SYNC"; }
        public Args args() {
            Args.Builder b = Args.builder().put("app", app).put("vg", vg).put("lv", lv);
            return (attempt == 0 ? b : b.put("attempt", attempt)).build();
        }
    }

    record Failover(String app) implements ClusterRequest {
        public String keyword() { return "FAILOVER"; }
        public Args args() { return appArgs(app); }
    }

    record DeregApp(String app, boolean forward) implements ClusterRequest {
        public String keyword() { return "DEREG_APP"; }
        public Args args() { return Args.builder().put("app", app).flag("forward", forward).build(); }
    }

    record RegApp(String app, boolean forward) implements ClusterRequest {
        public String keyword() { return "REG_APP"; }
        public Args args() { return Args.builder().put("app", app).flag("forward", forward).build(); }
    }

    record Pnode(String app) implements ClusterRequest {
        public String keyword() { return "PNODE"; }
        public Args args() { return appArgs(app); }
    }

    record DependsOn(String app) implements ClusterRequest {
        public String keyword() { return "DEPENDS_ON"; }
        public Args args() { return appArgs(app); }
    }

    record AutostartList() implements ClusterRequest {
        public String keyword() { return "AUTOSTARTLIST"; }
        public Args args() { return Args.EMPTY; }
    }

    /** Read from {@code on=true}, {@code off=true} or a bare ON/OFF; written as {@code on=true} or {@code off=true}. */
    record Verbose(boolean on, boolean forward) implements ClusterRequest {
        public String keyword() { return "VERBOSE"; }
        public Args args() { return Args.builder().put(on ? "on" : "off", "true").flag("forward", forward).build(); }
    }

    /** @param count rotated logs kept, 1 to 99 */
    record LogCycle(int count, boolean forward) implements ClusterRequest {
        public String keyword() { return "LOGCYCLE"; }
        public Args args() { return Args.builder().put("count", count).flag("forward", forward).build(); }
    }

    record GetValidNodes(String app) implements ClusterRequest {
        public String keyword() { return "GETVALIDNODES"; }
        public Args args() { return appArgs(app); }
    }

    /** @param nodes the nodes allowed to run the application; empty resets to all configured nodes (17.2) */
    record SetValidNodes(String app, List<String> nodes, boolean forward) implements ClusterRequest {
        public SetValidNodes {
            nodes = List.copyOf(nodes);
        }
        public String keyword() { return "SETVALIDNODES"; }
        public Args args() {
            Args.Builder b = Args.builder().put("app", app);
            return (nodes.isEmpty() ? b : b.put("nodes", String.join(",", nodes))).flag("forward", forward).build();
        }
    }

    record IsValid(String app) implements ClusterRequest {
        public String keyword() { return "ISVALID"; }
        public Args args() { return appArgs(app); }
    }

    record Help() implements ClusterRequest {
        public String keyword() { return "HELP"; }
        public Args args() { return Args.EMPTY; }
    }

    record Toc() implements ClusterRequest {
        public String keyword() { return "TOC"; }
        public Args args() { return Args.EMPTY; }
    }

    record LoadAverage() implements ClusterRequest {
        public String keyword() { return "LOADAVERAGE"; }
        public Args args() { return Args.EMPTY; }
    }

    /** Ours: sent by clnetd when no card of {@code network} works on this node any more. */
    record NetworkFailed(String network) implements ClusterRequest {
        public String keyword() { return "NETWORK_FAILED"; }
        public Args args() { return Args.builder().put("network", network).build(); }
    }

    /**
     * Ours: sent by clnetd when a network it reported failed has a working card again on this node, so cldaemon may
     * stop treating the network as failed here (applications already moved away stay where they are).
     */
    record NetworkRestored(String network) implements ClusterRequest {
        public String keyword() { return "NETWORK_RESTORED"; }
        public Args args() { return Args.builder().put("network", network).build(); }
    }
}

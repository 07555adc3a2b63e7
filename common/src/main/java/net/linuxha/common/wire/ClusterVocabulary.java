package net.linuxha.common.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.linuxha.common.wire.ClusterRequest.Volume;

/** The cluster daemon's request table (Reference 25.4): syntax and reader of each request. */
final class ClusterVocabulary {

    private static final String[] APP_STATES = {"STOPPED", "STOPPING", "STARTING", "STARTED"};
    private static final String[] DRBD_TYPES = {"client", "server"};
    private static final String[] SIDES = {"local", "remote"};

    private ClusterVocabulary() {
    }

    static Vocabulary<ClusterRequest> create() {
        return Vocabulary.<ClusterRequest>builder("cluster daemon")
                .add("TIME", r -> new ClusterRequest.Time())
                .add("ABORT [forward=yes]", r -> new ClusterRequest.Abort(r.flag("forward")))
                .add("GET_NODE_STATE node=node", r -> new ClusterRequest.GetNodeState(r.required("node")))
                .add("APP_UPDATE app=name state=STOPPED|STOPPING|STARTING|STARTED [node=node] [monitor=monitor]"
                        + " [starttime=time] [consistency=N] [probe=yes] [forward=yes]",
                        r -> new ClusterRequest.AppUpdate(r.required("app"), r.requiredOneOf("state", APP_STATES),
                                r.optional("node"), r.optional("monitor"), r.optional("starttime"),
                                r.optional("consistency"), r.flag("probe"), r.flag("forward")))
                .add("STARTED_APP app=name", r -> new ClusterRequest.StartedApp(r.required("app")))
                .add("STARTING_APP app=name node=node",
                        r -> new ClusterRequest.StartingApp(r.required("app"), r.required("node")))
                .add("START_APP app=name", r -> new ClusterRequest.StartApp(r.required("app")))
                .add("STOP_APP app=name", r -> new ClusterRequest.StopApp(r.required("app")))
                .add("STOPPING_APP app=name", r -> new ClusterRequest.StoppingApp(r.required("app")))
                .add("STOPPED_APP app=name", r -> new ClusterRequest.StoppedApp(r.required("app")))
                .add("ECHO [check=y] [hello=yes] [node=name] [net=network] [addrs=net:ip[,net:ip]]",
                        r -> new ClusterRequest.Echo(r.flag("check"), r.flag("hello"), r.optional("node"),
                                r.optional("net"), r.optional("addrs")))
                .add("CHANGE_DSTATE state=state", r -> new ClusterRequest.ChangeDstate(r.required("state")))
                .add("CHECKSUM app=name", r -> new ClusterRequest.Checksum(r.required("app")))
                .add("APP_LIST", r -> new ClusterRequest.AppList())
                .add("APP_STATUS app=name [lvinfo=yes] [failoverinfo=yes] [nodeinfo=yes]",
                        r -> new ClusterRequest.AppStatus(r.required("app"), r.flag("lvinfo"),
                                r.flag("failoverinfo"), r.flag("nodeinfo")))
                .add("CHECK_DRBD app=name [type=client|server]",
                        r -> new ClusterRequest.CheckDrbd(r.required("app"), r.optionalOneOf("type", DRBD_TYPES)))
                .add("START_DRBD app=name [forward=yes] [type=client|server] [vg=vg lv=lv]",
                        r -> new ClusterRequest.StartDrbd(r.required("app"), r.flag("forward"),
                                r.optionalOneOf("type", DRBD_TYPES), volume(r)))
                .add("STOP_DRBD app=name [forward=yes] [type=client|server] [vg=vg lv=lv]",
                        r -> new ClusterRequest.StopDrbd(r.required("app"), r.flag("forward"),
                                r.optionalOneOf("type", DRBD_TYPES), volume(r)))
                .add("FLAG_UNSYNC app=name vg=vgname lv=lvname invalid=local|remote [forward=yes]",
                        r -> new ClusterRequest.FlagUnsync(r.required("app"), r.required("vg"), r.required("lv"),
                                r.requiredOneOf("invalid", SIDES), r.flag("forward")))
                .add("FLAG_SYNC app=name vg=vgname lv=lvname [forward=yes] [valid=local|remote]",
                        r -> new ClusterRequest.FlagSync(r.required("app"), r.required("vg"), r.required("lv"),
                                r.flag("forward"), r.optionalOneOf("valid", SIDES)))
                .add("START_SYNC app=name vg=vgname lv=lvname [attempt=N]",
                        r -> new ClusterRequest.StartSync(r.required("app"), r.required("vg"), r.required("lv"),
                                r.optionalInt("attempt", 0, 99).orElse(0)))
                .add("FAILOVER app=name", r -> new ClusterRequest.Failover(r.required("app")))
                .add("DEREG_APP app=name [forward=yes]",
                        r -> new ClusterRequest.DeregApp(r.required("app"), r.flag("forward")))
                .add("REG_APP app=name [forward=yes]",
                        r -> new ClusterRequest.RegApp(r.required("app"), r.flag("forward")))
                .add("PNODE app=name", r -> new ClusterRequest.Pnode(r.required("app")))
                .add("DEPENDS_ON app=name", r -> new ClusterRequest.DependsOn(r.required("app")))
                .add("AUTOSTARTLIST", r -> new ClusterRequest.AutostartList())
                .add("VERBOSE on=true|off=true [forward=yes]",
                        r -> new ClusterRequest.Verbose(CommonArgs.verbose(r), r.flag("forward")))
                .add("LOGCYCLE count=N [forward=yes]",
                        r -> new ClusterRequest.LogCycle(CommonArgs.logCount(r), r.flag("forward")))
                .add("GETVALIDNODES app=name", r -> new ClusterRequest.GetValidNodes(r.required("app")))
                .add("SETVALIDNODES app=name [nodes=A[,B]] [forward=yes]",
                        r -> new ClusterRequest.SetValidNodes(r.required("app"), nodes(r), r.flag("forward")))
                .add("ISVALID app=name", r -> new ClusterRequest.IsValid(r.required("app")))
                .add("HELP", r -> new ClusterRequest.Help())
                .add("TOC", r -> new ClusterRequest.Toc())
                .add("LOADAVERAGE", r -> new ClusterRequest.LoadAverage())
                .add("NETWORK_FAILED network=name", r -> new ClusterRequest.NetworkFailed(r.required("network")))
                .add("NETWORK_RESTORED network=name",
                        r -> new ClusterRequest.NetworkRestored(r.required("network")))
                .build();
    }

    private static Optional<Volume> volume(ArgReader r) throws WireFormatException {
        Optional<String> vg = r.optional("vg");
        Optional<String> lv = r.optional("lv");
        if (vg.isPresent() != lv.isPresent()) {
            throw new WireFormatException(ParseError.Kind.MISSING_ARG, "vg= and lv= go together; give both or"
                    + " neither");
        }
        return vg.map(v -> new Volume(v, lv.get()));
    }

    private static List<String> nodes(ArgReader r) throws WireFormatException {
        Optional<String> nodes = r.optional("nodes");
        if (nodes.isEmpty()) {
            return List.of();
        }
        List<String> list = Arrays.asList(nodes.get().split(",", -1));
        if (list.contains("")) {
            throw new WireFormatException(ParseError.Kind.MALFORMED_ARG, "nodes=" + nodes.get()
                    + " has an empty node name; write nodes=A or nodes=A,B");
        }
        return list;
    }

    static Args drbdArgs(String app, boolean forward, Optional<String> type, Optional<Volume> volume) {
        Args.Builder b = Args.builder().put("app", app).flag("forward", forward).put("type", type);
        volume.ifPresent(v -> b.put("vg", v.vg()).put("lv", v.lv()));
        return b.build();
    }
}

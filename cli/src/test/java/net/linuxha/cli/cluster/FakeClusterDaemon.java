package net.linuxha.cli.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireServer;

/**
 * The test plays a node's cluster daemon (as ZooKeeper's Zab1_0Test plays a peer): a real {@link WireServer} on
 * 127.0.0.1 with the cluster's key and the real request vocabulary, answering as Reference 25.4 documents. The
 * test sets the state it answers with and reads back every request the tool sent, in order.
 *
 * <p>ECHO answers the node state; GET_NODE_STATE the state set for that node; APP_LIST and APP_STATUS the
 * applications set; STOP_APP marks the application DOWN and START_APP STARTED on this node; ABORT answers OK and
 * stops listening. Any request can be given a fixed answer with {@link #answer(String, String)}.
 */
public final class FakeClusterDaemon implements AutoCloseable {

    private final String node;
    private final WireServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> nodeStates = new ConcurrentHashMap<>();
    private final Map<String, String> apps = new LinkedHashMap<>();
    private final Map<String, String> fixed = new ConcurrentHashMap<>();
    private volatile String state = "UP";
    private volatile long now = 1_118_801_930L;

    private FakeClusterDaemon(String node, WireContext wire, int port) throws IOException {
        this.node = node;
        this.server = WireServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), wire,
                ClusterRequest.VOCABULARY, (request, peer) -> CompletableFuture.completedFuture(answer(request)));
    }

    /** A daemon for {@code node} listening on {@code port} of 127.0.0.1 (0: any free port). */
    public static FakeClusterDaemon start(String node, WireContext wire, int port) throws IOException {
        return new FakeClusterDaemon(node, wire, port);
    }

    public InetSocketAddress address() {
        return server.localAddress();
    }

    public FakeClusterDaemon state(String newState) {
        this.state = newState;
        return this;
    }

    public FakeClusterDaemon nodeState(String nodeName, String nodeState) {
        nodeStates.put(nodeName, nodeState);
        return this;
    }

    /** The APP_STATUS answer for {@code app} (STATE,server,monitor,starttime,consistency,Yes|No). */
    public FakeClusterDaemon app(String app, String status) {
        synchronized (apps) {
            apps.put(app, status);
        }
        return this;
    }

    /** Answers requests whose text starts with {@code requestPrefix} with {@code reply}. */
    public FakeClusterDaemon answer(String requestPrefix, String reply) {
        fixed.put(requestPrefix, reply);
        return this;
    }

    /** The UNIX time START_APP records as start time. */
    public FakeClusterDaemon now(long seconds) {
        this.now = seconds;
        return this;
    }

    /** Every request received, as its text (e.g. {@code APP_STATUS app=apache failoverinfo=yes}). */
    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    /** The requests other than probes (ECHO check=yes), which the tools repeat while they wait. */
    public List<String> actions() {
        return requests().stream().filter(r -> !r.equals("ECHO check=yes")).toList();
    }

    private Reply answer(ClusterRequest request) {
        String text = request.format();
        requests.add(text);
        for (Map.Entry<String, String> entry : fixed.entrySet()) {
            if (text.startsWith(entry.getKey())) {
                return Reply.of(entry.getValue());
            }
        }
        if (request instanceof ClusterRequest.Echo) {
            return Reply.of(state);
        }
        if (request instanceof ClusterRequest.GetNodeState get) {
            return Reply.of(nodeStates.getOrDefault(get.node(), "DOWN"));
        }
        synchronized (apps) {
            if (request instanceof ClusterRequest.AppList) {
                return Reply.list(new ArrayList<>(apps.keySet()));
            }
            if (request instanceof ClusterRequest.AppStatus status) {
                String answer = apps.get(status.app());
                return Reply.of(answer == null ? "NOT_REGISTERED" : answer);
            }
            if (request instanceof ClusterRequest.StopApp stop) {
                if (!apps.containsKey(stop.app())) {
                    return Reply.of("NOT_REGISTERED");
                }
                apps.put(stop.app(), "DOWN,N/A,0,0,0,Yes");
                return Reply.ok();
            }
            if (request instanceof ClusterRequest.StartApp start) {
                if (!apps.containsKey(start.app())) {
                    return Reply.of("NOT_REGISTERED");
                }
                apps.put(start.app(), "STARTED," + node + ",1," + now + ",0,Yes");
                return Reply.ok();
            }
        }
        if (request instanceof ClusterRequest.Abort) {
            Thread stopper = new Thread(server::close, "fake-daemon-abort-" + node);
            stopper.setDaemon(true);
            stopper.start();
            return Reply.ok();
        }
        return Reply.error("not played by this test: " + text);
    }

    @Override
    public void close() {
        server.close();
    }
}

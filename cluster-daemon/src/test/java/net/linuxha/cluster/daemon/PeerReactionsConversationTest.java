package net.linuxha.cluster.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import net.linuxha.cluster.app.VolumeInfo;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.wire.ClusterRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import net.linuxha.common.testing.Wait;

/**
 * Conversation tests of the requests and reactions that involve the other node: the daemon is nodea on 127.0.0.1
 * in a cluster formed with the test playing nodeb ({@link FakePeer}, UP). NETWORK_FAILED fails over exactly the
 * applications that use the network, run here, are valid on nodeb and whose copy there is not stale (21.2.1, 5.6);
 * storage requests are forwarded to, or answered by, the node 25.4 says; PNODE least_cpu_load compares the
 * LOADAVERAGE answers; the peer's word about its own copy of an application running here does not replace this
 * node's record (after a partition both may run it, and the duplicate check must still see it here).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PeerReactionsConversationTest {

    @TempDir
    static Path root;
    private static TestNode node;
    private static FakePeer peer;
    private static final RecordingStorage STORAGE = new RecordingStorage();
    private static final RecordingActions ACTIONS = new RecordingActions();
    private static final FileSystemId DOCS = new FileSystemId("app01vg", "docs");

    @BeforeAll
    static void formWithThePeer() throws Exception {
        node = new TestNode(root, 20);
        node.application("held", "127.0.0.1", false);
        node.application("stale", "127.0.0.81", false);
        node.application("pinned", "127.0.0.82", false);
        node.applicationWith("web", "127.0.0.83", false, "<preferred_node>LEAST_CPU_LOAD</preferred_node>");
        node.application("twice", "127.0.0.84", false);
        peer = new FakePeer(node.port, node.wire(), "FORMING", Duration.ZERO, "x");
        for (String app : List.of("held", "stale", "pinned", "web", "twice")) {
            peer.checksums.put(app, Files.readString(node.paths.applicationBuildChecksum(app)).split("\\s+")[0]);
        }
        node.start(false, false, ACTIONS, STORAGE);
        assertTrue(node.awaitAnswer("GET_NODE_STATE node=nodeb", "UP", Duration.ofSeconds(20)), node::logText);
        assertTrue(node.awaitAnswer("APP_LIST", "held,pinned,stale,twice,web", Duration.ofSeconds(20)), node::logText);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @BeforeEach
    void reset() {
        STORAGE.calls.clear();
        STORAGE.volumes.put("web", List.of(new VolumeInfo(DOCS, OptionalInt.of(0), "inactive", "both", "sync",
                Optional.empty())));
        peer.answers.clear();
        peer.received.clear();
    }

    private static String ask(String request) throws Exception {
        return node.send(request).text();
    }

    private static void await(String what, BooleanSupplier condition) {
        Wait.assertWithin(Duration.ofSeconds(10), Duration.ofMillis(50), condition,
                () -> what + " did not happen; log:\n" + node.logText());
    }

    @Test
    void networkFailedMovesOnlyApplicationsTheOtherNodeCanTake() throws Exception {
        assertTrue(ask("APP_STATUS app=held").startsWith("STARTED,nodea"), "held's address is on this host");
        assertEquals("OK", ask("STARTED_APP app=stale"));
        assertEquals("OK", ask("STARTED_APP app=pinned"));
        assertEquals("OK", ask("FLAG_UNSYNC app=stale vg=app01vg lv=docs invalid=remote"));
        assertEquals("OK", ask("SETVALIDNODES app=pinned nodes=nodea"));

        assertEquals("OK", ask("NETWORK_FAILED network=public"));
        await("held stopped here and START_APP sent to nodeb", () -> peer.received.stream()
                .anyMatch(r -> r instanceof ClusterRequest.StartApp s && s.app().equals("held")));
        assertEquals(List.of("stop held"), ACTIONS.calls, "only held moves");
        String log = node.logText();
        assertTrue(log.contains("Application held uses network public - failing it over to nodeb"), log);
        assertTrue(log.contains("Application stale uses failed network public but is not failed over: the copy of "
                + "its data on node nodeb is not valid (stale: [app01vg/docs])"), log);
        assertTrue(log.contains("Application pinned uses failed network public but is not failed over: node nodeb "
                + "is not a valid node for it (valid: nodea)"), log);
        assertEquals("YES", ask("ISVALID app=held"), "a network failure leaves this node valid (not a software "
                + "fail-over)");
        assertTrue(ask("APP_STATUS app=stale").startsWith("STARTED,nodea"));
        assertTrue(ask("APP_STATUS app=pinned").startsWith("STARTED,nodea"));
    }

    @Test
    void storageRequestsAreForwardedAndFailuresThereAreFailRemote() throws Exception {
        assertEquals("OK", ask("START_DRBD app=web vg=app01vg lv=docs forward=yes"));
        assertTrue(peer.received.contains(new ClusterRequest.StartDrbd("web", false, Optional.empty(),
                Optional.of(new ClusterRequest.Volume("app01vg", "docs")))), peer.received.toString());
        peer.answers.put("STOP_DRBD", "FAIL-LOCAL");
        assertEquals("FAIL-REMOTE", ask("STOP_DRBD app=web forward=yes"));
        assertEquals(List.of("start web app01vg/docs", "stop web all"), STORAGE.calls);
    }

    @Test
    void startSyncIsRunByTheNodeWithTheValidCopy() throws Exception {
        assertEquals("OK", ask("FLAG_UNSYNC app=web vg=app01vg lv=docs invalid=local"));
        assertEquals("OK", ask("START_SYNC app=web vg=app01vg lv=docs"));
        assertTrue(peer.received.contains(new ClusterRequest.StartSync("web", "app01vg", "docs", 0)),
                "the copy here is stale: nodeb synchronises");
        peer.answers.put("START_SYNC", "FAIL-LOCAL");
        assertEquals("FAIL-REMOTE", ask("START_SYNC app=web vg=app01vg lv=docs"));
        assertEquals("OK", ask("FLAG_SYNC app=web vg=app01vg lv=docs"));

        peer.received.clear();
        assertEquals("OK", ask("FLAG_UNSYNC app=web vg=app01vg lv=docs invalid=remote"));
        assertEquals("OK", ask("START_SYNC app=web vg=app01vg lv=docs attempt=1"));
        ClusterRequest.Volume docs = new ClusterRequest.Volume("app01vg", "docs");
        assertEquals(List.of(new ClusterRequest.StopDrbd("web", false, Optional.empty(), Optional.of(docs)),
                new ClusterRequest.StartDrbd("web", false, Optional.empty(), Optional.of(docs))),
                peer.received.stream().filter(r -> r.keyword().endsWith("_DRBD")).toList(),
                "the second method restarts nodeb's resource first");
        assertEquals(List.of("invalidate web app01vg/docs"), STORAGE.calls);
        assertEquals("OK", ask("FLAG_SYNC app=web vg=app01vg lv=docs"));
    }

    @Test
    void checkDrbdOfTheClientIsAnsweredWhereTheApplicationRuns() throws Exception {
        assertEquals("OK", ask("APP_UPDATE app=web state=STARTED node=nodeb"));
        peer.answers.put("CHECK_DRBD", "NOT_OK");
        assertEquals("NOT_OK", ask("CHECK_DRBD app=web type=client"), "nodeb runs web: it answers for the client");
        assertEquals("OK", ask("CHECK_DRBD app=web type=server"), "this node is the server: answered here");
        assertEquals("OK", ask("APP_UPDATE app=web state=STOPPED"));
    }

    /**
     * After a partition healed, the peer announces the copy it started meanwhile (APP_UPDATE from its registration).
     * Taking its word made this node forget its own running copy, so no duplicate check ever saw it on both nodes.
     */
    @Test
    void theOtherNodesCopyDoesNotReplaceTheOneRunningHere() throws Exception {
        assertEquals("OK", ask("STARTED_APP app=twice"));
        assertEquals("OK", ask("APP_UPDATE app=twice state=STARTED node=nodeb starttime=2000000000"));
        assertTrue(ask("APP_STATUS app=twice").startsWith("STARTED,nodea,"), "still running here");
        assertTrue(node.logText().contains("Node nodeb reports application twice STARTED there, but it is STARTED "
                + "on this node - it runs on both nodes; the duplicate check resets the node that started it first "
                + "(21.6)"), node.logText());
        assertEquals("OK", ask("APP_UPDATE app=twice state=STOPPED"));
        assertTrue(ask("APP_STATUS app=twice").startsWith("STARTED,nodea,"), "the peer's copy stopping is not ours");
        assertEquals("OK", ask("STOPPED_APP app=twice"));
        assertTrue(ask("APP_STATUS app=twice").startsWith("DOWN,"));
        assertEquals("OK", ask("APP_UPDATE app=twice state=STARTED node=nodeb"));
        assertTrue(ask("APP_STATUS app=twice").startsWith("STARTED,nodeb,"), "not running here: the peer's word");
        assertEquals("OK", ask("APP_UPDATE app=twice state=STOPPED"));
    }

    @Test
    void leastCpuLoadTakesTheNodeWithTheLowerOneMinuteLoad() throws Exception {
        peer.answers.put("LOADAVERAGE", "999.00 1.00 1.00 1/100");
        assertEquals("OK nodea", ask("PNODE app=web"));
        peer.answers.put("LOADAVERAGE", "-1.00 0.00 0.00 1/100");
        assertEquals("OK nodeb", ask("PNODE app=web"), "nodeb reports less load than any real one");
        peer.answers.put("LOADAVERAGE", "ERROR");
        assertEquals("OK nodea", ask("PNODE app=web"), "without the peer's load: the first valid node");
    }
}

package net.linuxha.cluster.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import net.linuxha.cluster.app.VolumeInfo;
import net.linuxha.common.app.FileSystemId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conversation tests of the storage requests (25.4: CHECK_DRBD, START_DRBD, STOP_DRBD, START_SYNC, APP_STATUS
 * lvinfo=yes) and of NETWORK_FAILED / NETWORK_RESTORED / PNODE while the daemon is alone in its cluster: a real
 * daemon on 127.0.0.1, the test speaking the wire protocol; the DRBD calls go to a {@link RecordingStorage} so the
 * test sees exactly which storage work each request maps to, and applications start and stop through a
 * {@link RecordingActions}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StorageRequestsConversationTest {

    @TempDir
    static Path root;
    private static TestNode node;
    private static final RecordingStorage STORAGE = new RecordingStorage();
    private static final RecordingActions ACTIONS = new RecordingActions();
    private static final FileSystemId DOCS = new FileSystemId("app01vg", "docs");
    private static final FileSystemId LOGS = new FileSystemId("app01vg", "logs");

    @BeforeAll
    static void formAlone() throws Exception {
        node = new TestNode(root, 1);
        node.application("held", "127.0.0.1", false);
        node.applicationWith("web", "127.0.0.77", false, "<preferred_node>LEAST_CPU_LOAD</preferred_node>");
        node.start(false, true, ACTIONS, STORAGE);
        assertTrue(node.awaitAnswer("APP_LIST", "held,web", Duration.ofSeconds(20)), node::logText);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void volumes() {
        STORAGE.calls.clear();
        STORAGE.failing.clear();
        STORAGE.volumes.put("web", List.of(
                new VolumeInfo(DOCS, OptionalInt.of(0), "inactive", "both", "sync", Optional.empty()),
                new VolumeInfo(LOGS, OptionalInt.of(1), "inactive", "local", "syncing", Optional.of(
                        new VolumeInfo.Progress(1024, 4096, OptionalDouble.of(512.0), OptionalDouble.of(0.1))))));
        STORAGE.volumes.put("held", List.of(
                new VolumeInfo(DOCS, OptionalInt.of(2), "active", "both", "sync", Optional.empty())));
    }

    private static String ask(String request) throws Exception {
        return node.send(request).text();
    }

    @Test
    void lvinfoAnswersOkThenOneLinePerLogicalVolume() throws Exception {
        assertEquals("OK\napp01vg.docs,-,0,inactive,both,drbd,sync\n"
                + "app01vg.logs,-,1,inactive,local,drbd,syncing,1024/4096,512.0,0.1",
                ask("APP_STATUS app=web lvinfo=yes"));
        STORAGE.volumes.remove("web");
        String broken = ask("APP_STATUS app=web lvinfo=yes");
        assertTrue(broken.startsWith("ERROR cannot read the volumes of web: ") && broken.contains("fsmap/web"),
                "the first line is the error state, naming the missing fsmap: " + broken);
        assertEquals("NOT_REGISTERED", ask("APP_STATUS app=none lvinfo=yes"));
    }

    @Test
    void checkDrbdComparesEveryResourceWithTheRoleOfThisNode() throws Exception {
        assertEquals("OK", ask("CHECK_DRBD app=web"), "web is down here: its resources are expected Secondary");
        assertEquals("NOT_OK", ask("CHECK_DRBD app=web type=client"), "as the client they would be Primary");
        assertEquals("OK", ask("CHECK_DRBD app=held"), "held runs here and its resource is Primary");
        STORAGE.volumes.put("web", List.of(new VolumeInfo(DOCS, OptionalInt.empty(), "stopped", "unknown", "unsync",
                Optional.empty())));
        assertEquals("NOT_OK", ask("CHECK_DRBD app=web"), "a stopped resource is not OK");
        assertEquals("NOT_REGISTERED", ask("CHECK_DRBD app=none"));
        assertTrue(ask("CHECK_DRBD app=web type=primary").startsWith("ERROR"), "type is client or server");
    }

    @Test
    void startAndStopDrbdMapToTheStorageOfAllOrOneVolume() throws Exception {
        assertEquals("OK", ask("START_DRBD app=web"));
        assertEquals("OK", ask("STOP_DRBD app=web vg=app01vg lv=logs"));
        assertEquals("OK", ask("START_DRBD app=web vg=app01vg lv=logs forward=yes"),
                "forward=yes with the other node out of the cluster is done here only");
        assertEquals(List.of("start web all", "stop web app01vg/logs", "start web app01vg/logs"), STORAGE.calls);
        String unknown = ask("START_DRBD app=web vg=app01vg lv=nothing");
        assertTrue(unknown.startsWith("ERROR") && unknown.contains("app01vg/nothing"), unknown);
        STORAGE.failing.add("web");
        assertEquals("FAIL-LOCAL", ask("STOP_DRBD app=web"));
        assertTrue(node.logText().contains("STOP_DRBD failed: could not stop the DRBD resources of web here"),
                node.logText());
        assertEquals("NOT_REGISTERED", ask("START_DRBD app=none"));
        assertTrue(ask("STOP_DRBD app=web vg=app01vg").startsWith("MISSING_ARG"), "vg needs lv");
    }

    @Test
    void startSyncTakesItsDirectionFromTheStaleFlags() throws Exception {
        assertEquals("OK", ask("FLAG_UNSYNC app=web vg=app01vg lv=docs invalid=remote"));
        assertEquals("OK", ask("START_SYNC app=web vg=app01vg lv=docs"));
        assertEquals(List.of("invalidate web app01vg/docs"), STORAGE.calls, "the remote copy is stale: sync from here");
        assertEquals("FAIL-REMOTE", ask("START_SYNC app=web vg=app01vg lv=docs attempt=1"),
                "the second method restarts the other node's resource, which is not in the cluster");
        assertEquals("NO_METHODS", ask("START_SYNC app=web vg=app01vg lv=docs attempt=2"));
        assertEquals("OK", ask("FLAG_SYNC app=web vg=app01vg lv=docs"));

        assertEquals("OK", ask("FLAG_UNSYNC app=web vg=app01vg lv=docs invalid=local"));
        assertEquals("FAIL-REMOTE", ask("START_SYNC app=web vg=app01vg lv=docs"),
                "the valid copy is on nodeb, which is not in the cluster");
        assertEquals("OK", ask("FLAG_UNSYNC app=web vg=app01vg lv=docs invalid=remote"));
        assertTrue(ask("START_SYNC app=web vg=app01vg lv=docs").contains("both copies are flagged STALE"));
        assertEquals("OK", ask("FLAG_SYNC app=web vg=app01vg lv=docs"));

        STORAGE.calls.clear();
        assertEquals("OK", ask("START_SYNC app=web vg=app01vg lv=docs"), "no flags, DRBD says both: in sync");
        assertEquals("OK", ask("START_SYNC app=web vg=app01vg lv=logs"), "no flags, DRBD says local: from here");
        assertEquals(List.of("invalidate web app01vg/logs"), STORAGE.calls);
        STORAGE.failing.add("web");
        assertEquals("FAIL-LOCAL", ask("START_SYNC app=web vg=app01vg lv=logs"));
        assertEquals("NOT_REGISTERED", ask("START_SYNC app=none vg=a lv=b"));
    }

    @Test
    void networkFailedWithoutTheOtherNodeMovesNothingAndSaysWhy() throws Exception {
        assertEquals("OK", ask("NETWORK_FAILED network=backup"));
        assertTrue(node.logText().contains("Network backup has failed on this node (no working card left); no "
                + "application running here uses it - the failure is logged and no other action takes place"),
                node.logText());
        assertEquals("OK", ask("NETWORK_FAILED network=public"));
        assertTrue(node.logText().contains("Application held uses failed network public but is not failed over: "
                + "node nodeb is not up in the cluster"), node.logText());
        assertTrue(ACTIONS.calls.stream().noneMatch(c -> c.startsWith("stop")), ACTIONS.calls.toString());
        assertTrue(ask("APP_STATUS app=held").startsWith("STARTED,nodea"));
        assertEquals("OK", ask("NETWORK_RESTORED network=public"));
        assertTrue(node.logText().contains("Network public is working again on this node; applications stay where "
                + "they are"), node.logText());
    }

    @Test
    void preferredNodeByCpuLoadIsThisNodeWhenAlone() throws Exception {
        assertEquals("OK nodea", ask("PNODE app=web"));
        assertEquals("MISSING_ARG", ask("PNODE app=none"));
    }
}

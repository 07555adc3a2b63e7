package net.linuxha.cli.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.app.FlagUpdate;
import net.linuxha.common.app.ForceLevel;
import net.linuxha.common.app.RefusalReason;
import net.linuxha.common.app.RemoteNodeStatus;
import net.linuxha.common.app.StaleFlag;
import net.linuxha.common.app.StaleFlags;
import net.linuxha.common.app.StartDecision;
import net.linuxha.common.app.StartTrigger;
import net.linuxha.common.app.TimeFile;
import net.linuxha.common.config.Takeover;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ascertaining the cluster status (22.3, 22.4) from real status directories: this node's files, the other node's
 * as the ssh read returns them, and the start decisions they lead to.
 */
@Timeout(30)
class StatusGatheringTest {

    private static final FileSystemId DOCS = new FileSystemId("app01vg", "docs");
    private static final FileSystemId LOGS = new FileSystemId("app01vg", "logs");

    @TempDir
    Path tmp;

    /** A directory of the other node, read through the same parser the ssh read uses. */
    private NodeStatus.Directory remoteFrom(Path dir) {
        return new NodeStatus.Directory() {
            public String node() {
                return "serverb";
            }

            public NodeStatus read() throws IOException {
                StringBuilder out = new StringBuilder();
                if (Files.isDirectory(dir)) {
                    try (var names = Files.list(dir)) {
                        names.map(p -> p.getFileName().toString()).sorted().forEach(n -> out.append(n).append('\n'));
                    }
                }
                out.append("--linuxha--\n");
                if (Files.exists(dir.resolve("TIME"))) {
                    out.append(Files.readString(dir.resolve("TIME")));
                }
                out.append("--linuxha--\n");
                if (Files.exists(dir.resolve("LIVENODE"))) {
                    out.append(Files.readString(dir.resolve("LIVENODE")));
                }
                return RemoteStatusDirectory.parse(out.toString(), "serverb:" + dir);
            }

            public void apply(FlagUpdate update) {
                throw new UnsupportedOperationException();
            }

            public void recordStart(TimeFile time, String liveNode) {
                throw new UnsupportedOperationException();
            }

            public void recordLiveNode(String liveNode) {
                throw new UnsupportedOperationException();
            }

            public void clearLiveNode() {
                throw new UnsupportedOperationException();
            }
        };
    }

    private StartDecision decide(StatusGathering.Gathered gathered, ForceLevel force) {
        return StartDecision.decide(StatusGathering.inputs("apache", "servera", "serverb", List.of(DOCS, LOGS),
                gathered, force, StartTrigger.COMMAND_LINE, Takeover.NORMAL));
    }

    @Test
    void aMissingDirectoryReadsAsNoFlagsAndNoTime() throws Exception {
        NodeStatus status = new LocalStatusDirectory("servera", tmp.resolve("none")).read();
        assertTrue(status.snapshot().flags().isEmpty());
        assertTrue(status.snapshot().time().isEmpty());
        assertTrue(status.liveNode().isEmpty());
    }

    @Test
    void writtenFlagsTimeAndLiveNodeAreReadBack() throws Exception {
        LocalStatusDirectory dir = new LocalStatusDirectory("servera", tmp.resolve("a"));
        StaleFlag docsOnB = new StaleFlag(DOCS, "serverb");
        dir.apply(new FlagUpdate(StaleFlags.of(docsOnB, new StaleFlag(LOGS, "serverb")), StaleFlags.none()));
        dir.apply(new FlagUpdate(StaleFlags.none(), StaleFlags.of(new StaleFlag(LOGS, "serverb"))));
        dir.recordStart(new TimeFile(1_118_801_900L), "servera");
        NodeStatus status = dir.read();
        assertEquals(StaleFlags.of(docsOnB), status.snapshot().flags());
        assertEquals(Optional.of(new TimeFile(1_118_801_900L)), status.snapshot().time());
        assertEquals(Optional.of("servera"), status.liveNode());
        assertTrue(Files.exists(tmp.resolve("a/app01vg.docs.serverb.STALE")));
        dir.clearLiveNode();
        assertTrue(dir.read().liveNode().isEmpty());
    }

    @Test
    void flagsThatDisagreeAreSettledByTheMostRecentTime() throws Exception {
        LocalStatusDirectory a = new LocalStatusDirectory("servera", tmp.resolve("a"));
        Path bDir = tmp.resolve("b");
        Files.createDirectories(bDir);
        a.recordStart(new TimeFile(1000), "servera");
        // serverb ran the application later, without servera: servera's copy of docs is stale
        Files.createFile(bDir.resolve("app01vg.docs.servera.STALE"));
        Files.writeString(bDir.resolve("TIME"), "2000\n");
        StatusGathering.Gathered gathered = StatusGathering.gather(RemoteNodeStatus.CLUSTER_UP, true, a,
                remoteFrom(bDir));
        assertEquals(Optional.of(new TimeFile(2000)), gathered.remote().get().snapshot().time());
        StartDecision.Start start = assertInstanceOf(StartDecision.Start.class, decide(gathered, ForceLevel.NONE));
        assertEquals("serverb", start.believedNode());
        assertFalse(start.localDataCurrent(), "docs here is stale: it is synchronised from serverb");
    }

    @Test
    void theRemoteIsNotReadWithoutSshAndTheDownRemoteNeedsForce() throws Exception {
        LocalStatusDirectory a = new LocalStatusDirectory("servera", tmp.resolve("a"));
        StatusGathering.Gathered gathered = StatusGathering.gather(RemoteNodeStatus.REMOTE_DOWN, false, a,
                remoteFrom(tmp.resolve("unreachable")));
        assertTrue(gathered.remote().isEmpty());
        StartDecision.Refuse refuse = assertInstanceOf(StartDecision.Refuse.class,
                decide(gathered, ForceLevel.NONE));
        assertEquals(RefusalReason.REMOTE_DOWN_NEEDS_FORCE, refuse.reason());
        StartDecision.Start forced = assertInstanceOf(StartDecision.Start.class, decide(gathered, ForceLevel.FORCE));
        assertTrue(forced.localFlags().write().contains(new StaleFlag(DOCS, "serverb")),
                "the remote copies are marked STALE: " + forced.localFlags());
    }

    @Test
    void liveNodeNamingThePingOnlyRemoteRefusesWithoutForce() throws Exception {
        LocalStatusDirectory a = new LocalStatusDirectory("servera", tmp.resolve("a"));
        a.recordLiveNode("serverb");
        StatusGathering.Gathered gathered = StatusGathering.gather(RemoteNodeStatus.PING_ONLY, false, a,
                remoteFrom(tmp.resolve("b")));
        StartDecision.Refuse refuse = assertInstanceOf(StartDecision.Refuse.class,
                decide(gathered, ForceLevel.NONE));
        assertEquals(RefusalReason.REMOTE_MAY_BE_LIVE_NEEDS_FORCE, refuse.reason());
    }

    @Test
    void aMalformedRemoteFlagIsAnErrorNamingTheNodeAndDirectory() {
        IOException e = assertThrows(IOException.class, () -> RemoteStatusDirectory.parse(
                "bad.STALE\n--linuxha--\n--linuxha--\n", "serverb:/etc/cluster/.status/apache"));
        assertTrue(e.getMessage().contains("serverb:/etc/cluster/.status/apache"), e.getMessage());
    }

    @Test
    void remoteNodeAvailabilityHasTheReferencesFourStates() {
        assertEquals(RemoteNodeStatus.CLUSTER_UP, RemoteNodeProbe.classify(true, true, false));
        assertEquals(RemoteNodeStatus.NO_REPLICATION_CHANNEL, RemoteNodeProbe.classify(true, false, true));
        assertEquals(RemoteNodeStatus.PING_ONLY, RemoteNodeProbe.classify(false, false, true));
        assertEquals(RemoteNodeStatus.PING_ONLY, RemoteNodeProbe.classify(false, true, false));
        assertEquals(RemoteNodeStatus.REMOTE_DOWN, RemoteNodeProbe.classify(false, false, false));
    }

    @Test
    void thePeersReplicationAddressComesFromTheResourceFile() {
        String res = """
                resource apache_app01vg_docs {
                    volume 0 {
                        device /dev/drbd1;
                    }
                    on servera {
                        node-id 0;
                        address 172.16.178.1:9902;
                    }
                    on serverb {
                        node-id 1;
                        address 172.16.178.2:9902;
                    }
                }
                """;
        assertEquals(Optional.of("172.16.178.2"), RemoteNodeProbe.addressIn(res, "serverb"));
        assertEquals(Optional.of("172.16.178.1"), RemoteNodeProbe.addressIn(res, "servera"));
        assertEquals(Optional.empty(), RemoteNodeProbe.addressIn(res, "serverc"));
    }
}

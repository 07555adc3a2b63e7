package net.linuxha.cluster.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.wire.ClusterRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conversation tests of forming and joining (25.3) and of heartbeats (7.2.2, 21.5): the daemon is nodea (the
 * primary) on 127.0.0.1, the test plays nodeb on 127.0.0.2 ({@link FakePeer}) step by step.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FormationConversationTest {

    @TempDir
    Path root;

    private static void await(String what, Duration limit, BooleanSupplier condition, TestNode node)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + limit + "; log:\n" + node.logText());
            }
            Thread.sleep(50);
        }
    }

    private static String checksum(TestNode node, String app) throws Exception {
        return Files.readString(node.paths.applicationBuildChecksum(app)).split("\\s+")[0];
    }

    @Test
    void primaryFormsWithTheSecondaryThenHeartbeatsAndSeesItsDaemonDie() throws Exception {
        try (TestNode node = new TestNode(root, 20)) {
            node.application("held", "127.0.0.1", false);
            FakePeer peer = new FakePeer(node.port, node.wire(), "FORMING", Duration.ZERO, checksum(node, "held"));
            try {
                node.start(false, false);
                assertTrue(node.awaitAnswer("GET_NODE_STATE node=nodeb", "UP", Duration.ofSeconds(15)),
                        node::logText);
                String log = node.logText();
                assertTrue(log.contains("Response to ECHO was FORMING (our state=FORMING)"), log);
                assertTrue(log.contains("Response to ECHO was STARTING (our state=FORMING)"), log);
                assertTrue(log.contains("Both nodes agree UP"), log);
                assertTrue(peer.received.stream().anyMatch(r -> r instanceof ClusterRequest.Echo e
                        && e.addresses().equals(Optional.of("public:127.0.0.1"))), "ECHO carries our addresses");
                await("a heartbeat", Duration.ofSeconds(5), peer::receivedHeartbeat, node);
                await("registration compared with nodeb's CHECKSUM", Duration.ofSeconds(5), () -> peer.received
                        .stream().anyMatch(r -> r instanceof ClusterRequest.Checksum), node);
                await("APP_UPDATE of the running application", Duration.ofSeconds(5), () -> peer.received.stream()
                        .anyMatch(r -> r instanceof ClusterRequest.AppUpdate u && u.state().equals("STARTED")), node);
            } finally {
                peer.close();
            }
            assertTrue(node.awaitAnswer("GET_NODE_STATE node=nodeb", "DIED", Duration.ofSeconds(10)),
                    node::logText);
            assertTrue(node.logText().contains("its cluster daemon has died; applications are left undisturbed"),
                    node.logText());
            assertTrue(node.send("APP_STATUS app=held").text().startsWith("STARTED,nodea"),
                    "a dead peer daemon moves nothing");
            try (FakePeer back = new FakePeer(node.port, node.wire(), "UP", Duration.ZERO, checksum(node, "held"))) {
                assertTrue(node.awaitAnswer("GET_NODE_STATE node=nodeb", "UP", Duration.ofSeconds(10)),
                        node::logText);
                assertTrue(node.logText().contains("Node nodeb is back in the cluster"), node.logText());
            }
        }
    }

    @Test
    void clocksOverTenMinutesApartRefuseTheCluster() throws Exception {
        try (TestNode node = new TestNode(root, 20);
             FakePeer peer = new FakePeer(node.port, node.wire(), "FORMING", Duration.ofMinutes(11), "x")) {
            node.start(false, false);
            ExitCode code = node.daemon.finished().get(20, TimeUnit.SECONDS);
            assertEquals(ExitCode.FAILURE, code);
            assertTrue(node.logText().contains("Time difference between nodes is >10 minutes - require --force to "
                    + "start!"), node.logText());
            assertTrue(peer.received.stream().anyMatch(r -> r instanceof ClusterRequest.Abort),
                    "the primary aborts the secondary it will not form with");
        }
    }

    @Test
    void forceFormsDespiteTheClockWithAWarning() throws Exception {
        try (TestNode node = new TestNode(root, 20);
             FakePeer peer = new FakePeer(node.port, node.wire(), "FORMING", Duration.ofMinutes(11), "x")) {
            node.start(false, true);
            assertTrue(node.awaitAnswer("GET_NODE_STATE node=nodeb", "UP", Duration.ofSeconds(15)), node::logText);
            assertTrue(node.logText().contains("(>10 minutes) - continuing since --force was given"), node.logText());
        }
    }

    @Test
    void joinsARunningCluster() throws Exception {
        try (TestNode node = new TestNode(root, 20);
             FakePeer peer = new FakePeer(node.port, node.wire(), "UP", Duration.ZERO, "x")) {
            node.start(true, false);
            assertTrue(node.awaitAnswer("ECHO check=y", "UP", Duration.ofSeconds(15)), node::logText);
            assertTrue(node.logText().contains("Node nodea has now joined the cluster"), node.logText());
            assertTrue(peer.received.stream().anyMatch(r -> r instanceof ClusterRequest.Echo e && e.hello()),
                    "a joiner greets with ECHO hello=yes");
        }
    }

    @Test
    void formingAloneWithoutForceGivesUpAfterTheTimeout() throws Exception {
        try (TestNode node = new TestNode(root, 1)) {
            node.start(false, false);
            assertEquals(ExitCode.FAILURE, node.daemon.finished().get(20, TimeUnit.SECONDS));
            assertTrue(node.logText().contains("cluster not formed"), node.logText());
        }
    }
}

package net.linuxha.cluster.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * AUTOSTARTLIST asked the moment the cluster has formed (clform does so once both daemons answer UP, 19.3) names the
 * autostart applications although their registration, which compares build checksums with the other node, is still
 * under way: the answer waits for it. Answered at once it was empty, and clform started nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AutostartListConversationTest {

    @TempDir
    Path root;

    @Test
    void autostartListWaitsForTheRegistrationThatFollowsTheFormation() throws Exception {
        try (TestNode node = new TestNode(root, 20)) {
            node.application("web", "127.0.0.91", true);
            node.application("zlater", "127.0.0.92", true, "web");
            String checksum = Files.readString(node.paths.applicationBuildChecksum("web")).split("\\s+")[0];
            try (FakePeer peer = new FakePeer(node.port, node.wire(), "FORMING", Duration.ZERO, checksum)) {
                peer.checksums.put("zlater", Files.readString(node.paths.applicationBuildChecksum("zlater"))
                        .split("\\s+")[0]);
                peer.checksumDelay = Duration.ofMillis(1500);
                node.start(false, false);
                assertTrue(node.awaitAnswer("GET_NODE_STATE node=nodeb", "UP", Duration.ofSeconds(15)),
                        node::logText);
                long asked = System.nanoTime();
                assertEquals("OK web,zlater", node.send("AUTOSTARTLIST").text(), node.logText());
                assertTrue(Duration.ofNanos(System.nanoTime() - asked).toMillis() >= 1000,
                        "the answer waited for the registration");
                assertEquals("web,zlater", node.send("APP_LIST").text());
                assertEquals("OK web,zlater", node.send("AUTOSTARTLIST").text(), "later: at once");
            }
        }
    }
}

package net.linuxha.cli.clnetdctl;

import static net.linuxha.cli.cluster.TestCluster.STAMP;
import static net.linuxha.cli.cluster.TestCluster.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import net.linuxha.cli.cluster.TestCluster;
import net.linuxha.cli.cluster.TestCluster.Run;
import net.linuxha.common.wire.NetRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** clnetdctl: the test plays this node's network daemon with the NetRequest vocabulary. */
@Timeout(30)
class ClnetdctlToolTest {

    @TempDir
    Path tmp;
    private TestCluster cluster;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(tmp);
    }

    @Test
    void theNetworkDaemonsAnswerIsPrinted() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (WireServer clnetd = WireServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                cluster.wire(), NetRequest.VOCABULARY, (request, peer) -> {
                    received.add(request.format());
                    return CompletableFuture.completedFuture(Reply.of("public,eth0,up,yes,192.168.0.130/24"));
                })) {
            cluster.netDaemonPort(clnetd.localAddress().getPort());

            Run run = run(new ClnetdctlTool(cluster.env()), "--msg", "NET_STATUS network=public");

            assertEquals(0, run.exit(), run.toString());
            assertEquals("public,eth0,up,yes,192.168.0.130/24\n", run.out());
            assertEquals(List.of("NET_STATUS network=public"), received);
        }
    }

    @Test
    void aStoppedNetworkDaemonIsReportedAsNotRunning() {
        Run run = run(new ClnetdctlTool(cluster.env()), "--msg", "ECHO");

        assertEquals(4, run.exit(), run.toString());
        assertTrue(run.err().startsWith("ERROR " + STAMP + " Unable to contact network daemon.\n"), run.err());
    }

    @Test
    void withoutClnetdportItNamesTheMissingSetting() throws Exception {
        cluster.writeConfig(TestCluster.clconf().replace("<clnetdport>9850</clnetdport>", ""));

        Run run = run(new ClnetdctlTool(cluster.env()), "--msg", "ECHO");

        assertEquals(3, run.exit(), run.toString());
        assertTrue(run.err().contains("<clnetdport> is not set"), run.err());
    }
}

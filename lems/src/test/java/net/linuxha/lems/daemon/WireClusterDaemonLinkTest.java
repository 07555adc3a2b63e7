package net.linuxha.lems.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.DaemonUnreachableException;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireServer;
import net.linuxha.lems.support.LemsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * FAILOVER and HALTAPP of an action list reach the local cldaemon as the typed requests of the cluster vocabulary;
 * the cldaemon here is a wire server on 127.0.0.1 that records what it is sent and answers as told.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WireClusterDaemonLinkTest {

    @TempDir
    Path dir;

    private final List<ClusterRequest> received = new CopyOnWriteArrayList<>();
    private WireServer cldaemon;

    @AfterEach
    void stop() {
        if (cldaemon != null) {
            cldaemon.close();
        }
    }

    private WireClusterDaemonLink linkTo(String answer) throws Exception {
        LemsFixture node = new LemsFixture(dir);
        WireContext wire = ClusterSetup.load(node.paths).wireContext();
        cldaemon = WireServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), wire,
                ClusterRequest.VOCABULARY, (request, peer) -> {
                    received.add(request);
                    return CompletableFuture.completedFuture(Reply.of(answer));
                });
        return new WireClusterDaemonLink(new WireClient(cldaemon.localAddress(), "local cluster daemon", wire));
    }

    @Test
    void failoverAndHaltAreSentAsFailoverAndStopApp() throws Exception {
        WireClusterDaemonLink link = linkTo("OK");
        link.requestFailover("apache");
        link.requestHalt("apache");
        assertEquals(List.of(new ClusterRequest.Failover("apache"), new ClusterRequest.StopApp("apache")), received);
    }

    @Test
    void anAnswerOtherThanOkIsAnError() throws Exception {
        WireClusterDaemonLink link = linkTo("NOT_REGISTERED");
        IOException e = assertThrows(IOException.class, () -> link.requestFailover("apache"));
        assertTrue(e.getMessage().contains("NOT_REGISTERED") && e.getMessage().contains("FAILOVER app=apache"),
                e.getMessage());
    }

    @Test
    void noClusterDaemonIsAnError() throws Exception {
        LemsFixture node = new LemsFixture(dir);
        WireClusterDaemonLink link = new WireClusterDaemonLink(new WireClient(
                ClusterSetup.localAddress(LemsFixture.freePort()), "local cluster daemon",
                ClusterSetup.load(node.paths).wireContext()));
        assertThrows(DaemonUnreachableException.class, () -> link.requestHalt("apache"));
    }
}

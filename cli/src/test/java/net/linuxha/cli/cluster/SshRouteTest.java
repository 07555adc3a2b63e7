package net.linuxha.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.NetworkCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The "SSH communication to X will be:" lines: subnet matching and the unresolvable case. */
@Timeout(10)
class SshRouteTest {

    private static InetAddress ip(int a, int b, int c, int d) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    @Test
    void addressesInTheSamePrefixAreOnTheSameSubnet() throws Exception {
        assertTrue(SshRoute.sameSubnet(ip(192, 168, 100, 33), ip(192, 168, 100, 34), 24));
        assertFalse(SshRoute.sameSubnet(ip(192, 168, 100, 33), ip(192, 168, 101, 34), 24));
        assertTrue(SshRoute.sameSubnet(ip(10, 1, 2, 3), ip(10, 200, 0, 1), 8));
        assertFalse(SshRoute.sameSubnet(ip(10, 1, 2, 3), ip(10, 1, 2, 4), 0));
    }

    @Test
    void theLoopbackAddressIsOnTheNetworkWhoseCardIsLo() throws Exception {
        ClusterNode local = new ClusterNode("sl4s1", List.of(new NetworkCards("drbd", List.of("lo"))));

        assertEquals(List.of("SSH communication to sl4s2 will be:", "127.0.0.2 (\"drbd\" network)"),
                SshRoute.describe("sl4s2", local, host -> ip(127, 0, 0, 2)));
    }

    @Test
    void aNameThatDoesNotResolveSaysHowToFixIt() {
        ClusterNode local = new ClusterNode("sl4s1", List.of(new NetworkCards("drbd", List.of("lo"))));

        assertEquals("sl4s2 does not resolve; add it to /etc/hosts or DNS on this node",
                SshRoute.describe("sl4s2", local, host -> {
                    throw new UnknownHostException(host);
                }).get(1));
    }
}

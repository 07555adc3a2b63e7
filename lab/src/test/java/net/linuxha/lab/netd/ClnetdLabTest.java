package net.linuxha.lab.netd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.linuxha.common.testing.Wait;
import net.linuxha.lab.Halab;

/**
 * clnetd on servera of a fresh lab (etc-samples/clconf.xml, cldaemon not running), driven the way an administrator
 * would: {@code clnetd --detach}, an application alias 172.16.177.200/24 (eth0:1) on eth0, a pulled eth0 cable moves
 * both addresses to eth1 (labels eth1, eth1:1) and the client keeps reaching them; a pulled eth1 cable too reports
 * the network down (logged, and the unreachable cldaemon is logged once); NET_STATUS and REREAD are answered over
 * {@code clnetd --msg}; {@code ps -ef} shows clnetd-cluster1.
 *
 * <p>Needs root and the checkout's lib/ built ({@code mvn -q -DskipTests package}); set HALAB_ID to use a lab of
 * one's own.
 */
@Tag("lab")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClnetdLabTest {

    private static final String LOG = "/var/log/cluster/clnetd-cluster1.log";
    private static final String SERVICE = "172.16.177.200";
    private static final String STATIC = "172.16.177.1";

    @Test
    void cablePullsMoveAddressesThenReportTheNetworkDown() throws Exception {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root (namespaces, mounts, loop devices)");
        Halab.runWithNewLab(lab -> {
            Halab.require(lab.sh("servera", "mkdir -p /etc/cluster && cp /opt/linuxha/etc-samples/clconf.xml "
                    + "/etc/cluster/clconf.xml && chmod 600 /etc/cluster/clconf.xml"), "install clconf.xml");
            Halab.require(lab.sh("serverb", "mkdir -p /etc/cluster && cp /opt/linuxha/etc-samples/clconf.xml "
                    + "/etc/cluster/clconf.xml && chmod 600 /etc/cluster/clconf.xml"), "install clconf.xml");
            // Two cards on one LAN: each answers ARP only for its own addresses (docs/clnetd.md, node set-up).
            Halab.require(lab.exec("servera", "sysctl", "-q", "-w", "net.ipv4.conf.all.arp_ignore=1",
                    "net.ipv4.conf.all.arp_announce=2"), "sysctl arp_ignore");

            Halab.Result started = Halab.require(lab.exec("servera", "clnetd", "--detach"), "clnetd --detach");
            assertTrue(started.out().contains("clnetd-cluster1 started"), started.toString());
            assertTrue(lab.exec("servera", "ps", "-ef").out().contains("clnetd-cluster1"), "ps -ef shows the daemon");
            assertEquals(5, lab.exec("servera", "clnetd", "--detach").exitCode(), "a second one refuses to start");

            Halab.require(lab.exec("servera", "ip", "addr", "add", SERVICE + "/24", "dev", "eth0", "label", "eth0:1"),
                    "add the application alias");
            within(Duration.ofSeconds(10), () -> status(lab).contains("172.16.177.200/24(eth0:1)"),
                    () -> "clnetd did not notice the alias: " + status(lab));
            assertTrue(pingFromClient(lab, SERVICE), "client reaches the alias on eth0");

            Halab.require(lab.halab("link", "servera", "eth0", "down"), "halab link servera eth0 down");
            within(Duration.ofSeconds(10), () -> addresses(lab, "eth1").contains(STATIC + "/24")
                            && addresses(lab, "eth1").contains(SERVICE + "/24"),
                    () -> "addresses did not move to eth1: " + addresses(lab, "eth0") + " / " + addresses(lab, "eth1"));
            String eth1 = addresses(lab, "eth1");
            assertTrue(eth1.matches("(?s).*" + STATIC + "/24 .*global eth1\\b.*") && eth1.contains("eth1:1"), eth1);
            assertTrue(!addresses(lab, "eth0").contains("172.16.177."), "nothing left on eth0");
            within(Duration.ofSeconds(10), () -> pingFromClient(lab, SERVICE) && pingFromClient(lab, STATIC),
                    () -> "client cannot reach both addresses on eth1");
            String eth1Mac = lab.exec("servera", "cat", "/sys/class/net/eth1/address").out().strip();
            within(Duration.ofSeconds(5), () -> lab.client("ip", "neigh", "show", SERVICE).out().contains(eth1Mac),
                    () -> "client's ARP entry does not point at eth1 (gratuitous ARP): "
                            + lab.client("ip", "neigh").out());

            Halab.require(lab.halab("link", "servera", "eth1", "down"), "halab link servera eth1 down");
            within(Duration.ofSeconds(10), () -> log(lab).contains("No alternative card available for network "
                    + "public"), () -> "network down not logged: " + log(lab));
            within(Duration.ofSeconds(10), () -> log(lab).contains("Cannot inform the cluster daemon that network "
                    + "public is down"), () -> "report failure not logged: " + log(lab));
            assertTrue(status(lab).contains("network=public state=DOWN"), status(lab));
            Halab.Result again = lab.exec("servera", "sh", "-c", "grep -c 'Cannot inform the cluster daemon' " + LOG);
            assertEquals("1", again.out().strip(), "the unreachable cldaemon is logged once: " + log(lab));

            String reread = Halab.require(lab.exec("servera", "clnetd", "--msg", "REREAD"), "REREAD").out();
            assertEquals("OK REREAD networks=all", reread.strip());
            assertTrue(status(lab).startsWith("OK\nnetwork=public"), status(lab));
            assertEquals(0, lab.exec("servera", "clnetd", "--msg", "ABORT").exitCode(), "ABORT answered");
            within(Duration.ofSeconds(10), () -> !lab.exec("servera", "ps", "-ef").out().contains("clnetd-cluster1"),
                    () -> "clnetd still running after ABORT");
        });
    }

    private static String status(Halab lab) {
        return lab.exec("servera", "clnetd", "--msg", "NET_STATUS").out();
    }

    private static String addresses(Halab lab, String card) {
        return lab.exec("servera", "ip", "-4", "-o", "addr", "show", "dev", card).out();
    }

    private static String log(Halab lab) {
        return lab.exec("servera", "cat", LOG).out();
    }

    private static boolean pingFromClient(Halab lab, String address) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (lab.client("ping", "-n", "-q", "-c", "1", "-W", "1", address).ok()) {
                return true;
            }
        }
        return false;
    }

    /** Polls every 100 ms: the cable-pull timings of this test are read off these waits. */
    private static void within(Duration limit, BooleanSupplier condition, Supplier<String> failure) {
        Wait.assertWithin(limit, Duration.ofMillis(100), condition, failure);
    }
}

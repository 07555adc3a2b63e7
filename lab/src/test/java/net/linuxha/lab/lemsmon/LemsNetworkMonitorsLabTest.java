package net.linuxha.lab.lemsmon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import net.linuxha.lab.Halab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lems moving an application address on its own (Reference 24.4.3, 24.4.4, 21.2.1), with no clnetd running: on
 * servera, apache's lems.local.xml runs {@code link_module} every second and {@code RUN move_ip}
 * ({@code ip_move_interface}) when it returns 1. With 172.16.177.200/24 as {@code eth0:1}, a pulled eth0 cable
 * ({@code halab link servera eth0 down}) moves the address to eth1 as {@code eth1:1} and the client reaches it
 * there; the node's own address stays on eth0 (moving it is clnetd's job). GET_VSTAT shows the move history.
 *
 * <p>Needs root and the checkout's lib/ built ({@code mvn -B -o -q -DskipTests package}); HALAB_ID picks the lab.
 */
@Tag("lab")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LemsNetworkMonitorsLabTest {

    private static final String SERVICE = "172.16.177.200";
    private static final String APP_DIR = "/etc/cluster/apache";
    private static final String LOG = "/var/log/cluster/lems/lems-apache.log";
    private static final String LEMS_LOCAL = """
            <?xml version="1.0"?>
            <lems_config>
              <globals port="9950"/>
              <check>
                <name>link</name>
                <type>internal</type>
                <module>link_module apache</module>
                <interval>1</interval>
                <action_list>
                  <action rc="0" action="NOP"/>
                  <action rc="1" action="RUN move_ip"/>
                  <action rc="2" action="STOP"/>
                </action_list>
              </check>
              <check>
                <name>move_ip</name>
                <type>internal</type>
                <module>ip_move_interface apache</module>
                <interval>0</interval>
                <action_list>
                  <action rc="0" action="STOP"/>
                  <action rc="1" action="ABORT"/>
                </action_list>
              </check>
            </lems_config>
            """;

    @Test
    void aPulledCableMovesTheServiceAddressToTheStandbyCard() throws Exception {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root (namespaces, mounts, loop devices)");
        Halab.runWithNewLab(lab -> {
            Halab.require(lab.sh("servera", "mkdir -p " + APP_DIR + " && cp /opt/linuxha/etc-samples/clconf.xml "
                    + "/etc/cluster/clconf.xml && chmod 600 /etc/cluster/clconf.xml && cp "
                    + "/opt/linuxha/etc-samples/apache/appconf.xml " + APP_DIR + "/appconf.xml"), "install files");
            lab.put("servera", APP_DIR + "/lems.local.xml", LEMS_LOCAL, "644");
            // Two cards on one LAN: each answers ARP only for its own addresses (docs/clnetd.md, node set-up);
            // and, since only the application's address moves, the subnet route of the card without carrier must
            // not carry the replies (docs/lems.md, "Node set-up for ip_move_interface").
            Halab.require(lab.exec("servera", "sysctl", "-q", "-w", "net.ipv4.conf.all.arp_ignore=1",
                    "net.ipv4.conf.all.arp_announce=2", "net.ipv4.conf.all.ignore_routes_with_linkdown=1"),
                    "sysctl arp_ignore, ignore_routes_with_linkdown");
            assertFalse(lab.sh("servera", "pgrep -f 'clnetd[-]'").ok(), "no clnetd runs"); // [-]: not this shell
            Halab.require(lab.exec("servera", "ip", "addr", "add", SERVICE + "/24", "brd", "+", "dev", "eth0",
                    "label", "eth0:1"), "add the application address");
            Halab.await(Duration.ofSeconds(10), () -> lab.clientPing(SERVICE), () -> "client cannot reach " + SERVICE);

            Halab.require(lab.exec("servera", "lems", "-A", "apache", "--detach", "--verbose"), "lems --detach");
            Halab.require(lab.halab("link", "servera", "eth0", "down"), "halab link servera eth0 down");

            Halab.await(Duration.ofSeconds(30), () -> addresses(lab, "eth1").contains(SERVICE + "/24"),
                    () -> "the address did not move to eth1: eth0 " + addresses(lab, "eth0") + " eth1 "
                            + addresses(lab, "eth1") + "\nlog:\n" + lab.exec("servera", "cat", LOG));
            assertTrue(addresses(lab, "eth1").contains("eth1:1"), "label kept: " + addresses(lab, "eth1"));
            assertFalse(addresses(lab, "eth0").contains(SERVICE), "gone from eth0: " + addresses(lab, "eth0"));
            assertTrue(addresses(lab, "eth0").contains("172.16.177.1/24"), "the node's own address stays");
            Halab.await(Duration.ofSeconds(20), () -> lab.clientPing(SERVICE),
                    () -> "client cannot reach " + SERVICE + " on eth1: " + lab.client("ip", "neigh").out());
            String log = lab.exec("servera", "cat", LOG).out();
            assertTrue(log.contains("moved " + SERVICE + " as eth1:1 of apache (network public) from card eth0 to "
                    + "card eth1"), log);
            String vstat = lab.exec("servera", "lemsctl", "-A", "apache", "--msg", "GET_VSTAT move_ip").out();
            assertTrue(vstat.contains("public,moves=1,window=300,last=eth0->eth1@"), vstat);
            lab.exec("servera", "lemsctl", "-A", "apache", "--msg", "ABORT");
        });
    }

    private static String addresses(Halab lab, String card) {
        return lab.exec("servera", "ip", "-o", "-4", "addr", "show", "dev", card).out();
    }
}

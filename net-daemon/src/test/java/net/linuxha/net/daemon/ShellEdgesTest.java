package net.linuxha.net.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.net.CardAddress;
import net.linuxha.net.NetAction;
import net.linuxha.net.NetworkSetup;

/**
 * The shell-layer edges of the daemon against real {@code ip}, {@code arping} and sysfs, on a two-card node built in
 * network namespaces ({@link TestNode}): carrier reading, address moves with labels, roll-back of a failed move,
 * gratuitous ARP reaching a neighbour, and the topology read from clconf.xml plus the kernel.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShellEdgesTest {

    private static final Executor NOW = Runnable::run;

    private TestNode node;
    private final List<NetAction.Log> logged = new ArrayList<>();

    @BeforeEach
    void build() throws IOException {
        assumeTrue(TestNode.runningAsRoot(), "needs root: creates network namespaces");
        node = new TestNode();
    }

    @AfterEach
    void remove() {
        if (node != null) {
            node.close();
        }
    }

    private ShellAddressMover mover() {
        return new ShellAddressMover(node.inNode, NOW, logged::add);
    }

    @Test
    void carrierFollowsTheCableAndTheAdministrativeStateAndAMissingCardIsAnError() throws IOException {
        SysfsCardLinks links = new SysfsCardLinks(node.linkState());
        assertTrue(links.carrier("eth0"));
        node.cable("eth0", false);
        TestNode.await(Duration.ofSeconds(2), () -> !node.carrier("eth0"), "eth0 loses carrier");
        assertFalse(links.carrier("eth0"), "pulled cable");
        assertTrue(links.carrier("eth1"), "the other card keeps its link");
        node.run("ip", "-n", node.node, "link", "set", "eth1", "down");
        assertFalse(links.carrier("eth1"), "a card set down administratively has no link");
        IOException missing = assertThrows(IOException.class, () -> links.carrier("eth7"));
        assertTrue(missing.getMessage().contains("eth7"), missing.getMessage());
    }

    @Test
    void aMoveTakesStaticAddressAndAliasWithNewLabelsAndTheClientReachesBoth() throws IOException {
        node.addAlias("eth0", TestNode.ALIAS, "eth0:1");
        CardAddress staticAddress = new CardAddress(TestNode.STATIC, 24, "eth0");
        CardAddress alias = new CardAddress(TestNode.ALIAS, 24, "eth0:1");
        assertEquals(List.of(staticAddress, alias), node.addresses("eth0"));
        node.cable("eth0", false);

        mover().move(new NetAction.MoveAddresses("public", "eth0", "eth1", List.of(staticAddress, alias),
                List.of(staticAddress.withLabel("eth1"), alias.withLabel("eth1:1"))));

        assertEquals(List.of(staticAddress.withLabel("eth1"), alias.withLabel("eth1:1")), node.addresses("eth1"));
        assertEquals(List.of(), node.addresses("eth0"), "nothing left on the old card");
        assertTrue(node.clientReaches(TestNode.STATIC), "static address answers on eth1");
        assertTrue(node.clientReaches(TestNode.ALIAS), "alias answers on eth1");
        assertEquals(List.of(), logged, "a clean move logs nothing itself");
    }

    @Test
    void aFailedAddLeavesEverythingOnTheOldCard() {
        node.addAlias("eth0", TestNode.ALIAS, "eth0:1");
        node.addAlias("eth1", TestNode.ALIAS, "eth1:5"); // in the way: the second add fails
        CardAddress staticAddress = new CardAddress(TestNode.STATIC, 24, "eth0");
        CardAddress alias = new CardAddress(TestNode.ALIAS, 24, "eth0:1");

        IOException failed = assertThrows(IOException.class, () -> mover().move(new NetAction.MoveAddresses("public",
                "eth0", "eth1", List.of(staticAddress, alias),
                List.of(staticAddress.withLabel("eth1"), alias.withLabel("eth1:1")))));

        assertTrue(failed.getMessage().contains(TestNode.ALIAS) && failed.getMessage().contains("eth1"),
                failed.getMessage());
        assertEquals(List.of(staticAddress, alias), node.addresses("eth0"), "old card keeps its addresses");
        assertEquals(List.of(new CardAddress(TestNode.ALIAS, 24, "eth1:5")), node.addresses("eth1"),
                "the static address added before the failure was taken back");
    }

    @Test
    void aMoveToAMissingCardFailsNamingIt() {
        CardAddress staticAddress = new CardAddress(TestNode.STATIC, 24, "eth0");
        IOException failed = assertThrows(IOException.class, () -> mover().move(new NetAction.MoveAddresses(
                "public", "eth0", "eth9", List.of(staticAddress), List.of(staticAddress.withLabel("eth9")))));
        assertTrue(failed.getMessage().contains("eth9"), failed.getMessage());
        assertEquals(List.of(staticAddress), node.addresses("eth0"));
    }

    @Test
    void aGratuitousArpTellsTheClientTheAddressMovedToTheOtherCard() throws IOException {
        assertTrue(node.clientReaches(TestNode.STATIC));
        assertEquals(node.mac("eth0"), node.clientNeighbour(TestNode.STATIC), "client learnt eth0's MAC first");
        CardAddress staticAddress = new CardAddress(TestNode.STATIC, 24, "eth0");
        ShellAddressMover mover = mover();
        mover.move(new NetAction.MoveAddresses("public", "eth0", "eth1", List.of(staticAddress),
                List.of(staticAddress.withLabel("eth1"))));

        mover.sendGratuitousArp("eth1", staticAddress.withLabel("eth1"));

        TestNode.await(Duration.ofSeconds(3), () -> node.mac("eth1").equals(node.clientNeighbour(TestNode.STATIC)),
                "client's ARP entry for " + TestNode.STATIC + " points at eth1 (" + node.mac("eth1") + ")");
        assertEquals(List.of(), logged);
    }

    @Test
    void aFailedGratuitousArpIsLoggedNotThrown() throws IOException {
        mover().sendGratuitousArp("eth9", new CardAddress(TestNode.STATIC, 24, "eth9"));
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).text().contains("eth9") && logged.get(0).level() == NetAction.Level.WARN,
                logged.toString());
    }

    @Test
    void theTopologyIsThisNodesNetworksFromClconfWithTheKernelsAddressesAndCarrier(@TempDir Path root)
            throws IOException {
        ClusterPaths paths = TestClconf.write(root, "eth0,eth1", true);
        node.addAlias("eth0", TestNode.ALIAS, "eth0:1");
        node.cable("eth1", false);
        TestNode.await(Duration.ofSeconds(2), () -> !node.carrier("eth1"), "eth1 loses carrier");
        ClconfTopologyReader reader = new ClconfTopologyReader(() -> ClusterSetup.load(paths),
                AddressSource.of(node.ip), new SysfsCardLinks(node.linkState()));

        NetworkSetup publicNetwork = reader.read("public");

        assertEquals(List.of("eth0", "eth1"), publicNetwork.cards());
        assertEquals(List.of(new CardAddress(TestNode.STATIC, 24, "eth0"), new CardAddress(TestNode.ALIAS, 24,
                "eth0:1")), publicNetwork.addresses().get("eth0"));
        assertEquals(List.of(), publicNetwork.addresses().get("eth1"));
        assertEquals(Map.of("eth0", true, "eth1", false), publicNetwork.carrier());
        assertEquals(List.of("public", "drbd"), reader.readAll().stream().map(NetworkSetup::network).toList());
        IOException unknown = assertThrows(IOException.class, () -> reader.read("backup"));
        assertTrue(unknown.getMessage().contains("backup") && unknown.getMessage().contains("public, drbd"),
                unknown.getMessage());
    }
}

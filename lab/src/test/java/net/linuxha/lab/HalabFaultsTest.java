package net.linuxha.lab;

import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import net.linuxha.common.testing.Wait;

/**
 * Every fault halab injects does what a real one would, and nothing more: a pulled cable, a failed network, a
 * partition between the nodes, a power loss and a boot. Each test restores the lab it found.
 */
@Tag("lab")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HalabFaultsTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private static final String A_PUBLIC = "172.16.177.1";
    private static final String B_PUBLIC = "172.16.177.2";
    private static final String B_DRBD = "172.16.178.2";

    private static Halab lab;

    @BeforeAll
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    static void up() {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root (namespaces, mounts, loop devices)");
        lab = Halab.fromCheckout();
        lab.up();
    }

    @AfterAll
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    static void down() {
        if (lab != null) {
            lab.down();
        }
    }

    @AfterEach
    void statusOnFailure(TestInfo info) {
        // Cheap, and it makes a failed run readable: the state the test left behind.
        System.out.println("=== after " + info.getDisplayName() + "\n" + lab.halab("status").out());
    }

    private static String carrier(String node, String card) {
        return lab.exec(node, "cat", "/sys/class/net/" + card + "/carrier").out().trim();
    }

    /** A pulled cable: the card stays admin-up but loses carrier, traffic over it stops, eth1 is untouched. */
    @Test
    void linkDownCutsOneCard() {
        Halab.require(lab.halab("link", "servera", "eth0", "down"), "halab link servera eth0 down");
        try {
            Wait.assertWithin(TEN_SECONDS, Wait.SLOWLY,
                    () -> "0".equals(carrier("servera", "eth0")), () -> "carrier of eth0 still up");
            String flags = lab.exec("servera", "ip", "-o", "link", "show", "eth0").out();
            assertTrue(flags.contains(",UP") && flags.contains("NO-CARRIER"), "card stays admin-up: " + flags);
            assertEquals("1", carrier("servera", "eth1"), "the standby card keeps its carrier");
            assertFalse(lab.ping("servera", "eth0", B_PUBLIC), "servera still pings serverb over a pulled cable");
            assertTrue(lab.ping("servera", "eth2", B_DRBD), "drbd network affected by a public cable pull");
        } finally {
            Halab.require(lab.halab("link", "servera", "eth0", "up"), "halab link servera eth0 up");
        }
        Wait.assertWithin(TEN_SECONDS, Wait.SLOWLY,
                () -> lab.ping("servera", "eth0", B_PUBLIC), () -> "no traffic after plugging back in");
    }

    /** A failed drbd network stops drbd traffic and only that. */
    @Test
    void netDownStopsOnlyThatNetwork() {
        Halab.require(lab.halab("net", "drbd", "down"), "halab net drbd down");
        try {
            Wait.assertWithin(TEN_SECONDS, Wait.SLOWLY,
                    () -> "0".equals(carrier("servera", "eth2")) && "0".equals(carrier("serverb", "eth2")),
                    () -> "eth2 carriers still up");
            assertFalse(lab.ping("servera", null, B_DRBD), "drbd traffic with the network down");
            assertTrue(lab.ping("servera", null, B_PUBLIC), "public traffic stopped by a drbd failure");
            assertEquals("1", carrier("serverb", "eth0"));
        } finally {
            Halab.require(lab.halab("net", "drbd", "up"), "halab net drbd up");
        }
        Wait.assertWithin(TEN_SECONDS, Wait.SLOWLY,
                () -> lab.ping("servera", null, B_DRBD), () -> "drbd traffic not back");
    }

    /** Partitioned nodes cannot reach each other on any network; the client still reaches both; heal undoes it. */
    @Test
    void partitionAndHeal() {
        Halab.require(lab.halab("partition"), "halab partition");
        try {
            assertTrue(lab.halab("status").out().contains("partition: nodes partitioned"));
            assertFalse(lab.ping("servera", null, B_PUBLIC), "public traffic across a partition");
            assertFalse(lab.ping("servera", null, B_DRBD), "drbd traffic across a partition");
            assertFalse(lab.ping("serverb", null, A_PUBLIC), "public traffic across a partition");
            assertFalse(lab.exec("servera", "ssh", "-o", "ConnectTimeout=2", "serverb", "true").ok(), "ssh across");
            assertTrue(lab.clientPing(A_PUBLIC), "client lost servera");
            assertTrue(lab.clientPing(B_PUBLIC), "client lost serverb");
            assertEquals("1", carrier("servera", "eth0"), "a partition is not a cable pull");
        } finally {
            Halab.require(lab.halab("heal"), "halab heal");
        }
        assertTrue(lab.halab("status").out().contains("partition: none"));
        Wait.assertWithin(TEN_SECONDS, Wait.SLOWLY,
                () -> lab.ping("servera", null, B_PUBLIC) && lab.ping("servera", null, B_DRBD),
                () -> "no traffic after heal");
    }

    /**
     * Power loss: every process of the node is gone (the node's init and a background process), its files stay on
     * the host, the other node can no longer reach it; boot brings it back with its files and sshd answering.
     */
    @Test
    void killAndBoot() throws Exception {
        Halab.require(lab.sh("servera", "echo kept > /etc/cluster/marker && echo kept > /var/lib/halab-disk/marker"
                + " && mkdir -p /apache/admin && echo kept > /apache/admin/marker"
                + " && nohup sleep 777 >/dev/null 2>&1 &"), "prepare servera");
        long oldInit = Halab.initPid("servera");
        String pidns = LabTraces.link(Path.of("/proc", Long.toString(oldInit), "ns", "pid"));

        Halab.require(lab.halab("kill", "servera"), "halab kill servera");
        try {
            assertKilled(oldInit, pidns);
            Halab.require(lab.halab("boot", "servera"), "halab boot servera");
            assertBooted(oldInit);
        } finally {
            if (Halab.initPid("servera") < 0) {
                lab.halab("boot", "servera"); // leave the lab as the other tests expect it
            }
        }
    }

    private static void assertKilled(long oldInit, String pidns) throws Exception {
        assertEquals(List.of(), LabTraces.labProcesses(Set.of(pidns)), "processes of servera after kill");
        assertFalse(Files.exists(Path.of("/proc", Long.toString(oldInit))), "servera's init survived the kill");
        assertTrue(lab.halab("status").out().contains("node servera: down"));
        assertFalse(lab.exec("servera", "true").ok(), "exec into a dead node");
        assertFalse(lab.ping("serverb", null, A_PUBLIC), "serverb still reaches the dead servera");
        assertFalse(lab.clientPing(A_PUBLIC), "the client still reaches the dead servera");
        assertEquals("kept\n", Files.readString(Path.of(Halab.STATE + "/nodes/servera/etc-cluster/marker")));
        assertEquals("kept\n", Files.readString(Path.of(Halab.STATE + "/nodes/servera/disk/marker")));
    }

    private static void assertBooted(long oldInit) {
        assertNotEquals(oldInit, Halab.initPid("servera"));
        assertEquals("kept", lab.exec("servera", "cat", "/etc/cluster/marker").out().trim());
        assertEquals("kept", lab.exec("servera", "cat", "/var/lib/halab-disk/marker").out().trim());
        assertEquals("kept", lab.exec("servera", "cat", "/apache/admin/marker").out().trim());
        assertFalse(lab.exec("servera", "pgrep", "-f", "sleep 777").ok(), "a process survived the power cycle");
        Wait.assertWithin(TEN_SECONDS, Wait.SLOWLY,
                () -> lab.exec("serverb", "ssh", "servera", "true").ok(), () -> "sshd not answering");
        Halab.require(lab.exec("servera", "ssh", "serverb", "true"), "ssh from the booted node");
        assertTrue(lab.clientPing(A_PUBLIC), "the booted node is not on public");
    }
}

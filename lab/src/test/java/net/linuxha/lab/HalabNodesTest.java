package net.linuxha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each node is a machine of its own: name, processes, files, cards, devices; and the nodes trust each other. */
@Tag("lab")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HalabNodesTest {

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

    @Test
    void hostnameIsTheNodeName() {
        for (String node : List.of("servera", "serverb")) {
            assertEquals(node, Halab.require(lab.exec(node, "uname", "-n"), "uname").out().trim());
            assertEquals(node, Halab.require(lab.exec(node, "hostname"), "hostname").out().trim());
        }
    }

    /** ps in a node lists its init as PID 1 and nothing of the host or of the other node. */
    @Test
    void psSeesOnlyTheNodesOwnProcesses() {
        Halab.require(lab.sh("serverb", "nohup sleep 321 >/dev/null 2>&1 &"), "background sleep in serverb");
        String ps = Halab.require(lab.exec("servera", "ps", "-eo", "pid,args"), "ps").out();
        assertTrue(ps.lines().anyMatch(l -> l.trim().startsWith("1 ") && l.contains("node-init servera")), ps);
        assertFalse(ps.contains("sleep 321"), "servera sees serverb's process:\n" + ps);
        assertFalse(ps.contains("node-init serverb"), ps);
        assertFalse(ps.contains("java"), "servera sees the host's JVM:\n" + ps);
        String psb = Halab.require(lab.exec("serverb", "ps", "-eo", "args"), "ps").out();
        assertTrue(psb.contains("sleep 321"), psb);
    }

    /** /etc/cluster, /var/log/cluster, /root and the root file system are per node, and on the host per node. */
    @Test
    void filesArePerNode() throws Exception {
        Halab.require(lab.sh("servera", "echo a > /etc/cluster/who && echo a > /var/log/cluster/who"
                + " && mkdir -p /apache/docs && echo a > /apache/docs/who"), "write in servera");
        Halab.require(lab.sh("serverb", "echo b > /etc/cluster/who"), "write in serverb");
        assertEquals("a", lab.exec("servera", "cat", "/etc/cluster/who").out().trim());
        assertEquals("b", lab.exec("serverb", "cat", "/etc/cluster/who").out().trim());
        assertFalse(lab.exec("serverb", "test", "-e", "/var/log/cluster/who").ok(), "serverb sees servera's log");
        assertFalse(lab.exec("serverb", "test", "-e", "/apache/docs/who").ok(), "serverb sees servera's /apache");
        assertFalse(Files.exists(Path.of("/apache/docs/who")), "a node wrote into the host's root");
        assertEquals("a\n", Files.readString(Path.of(Halab.STATE + "/nodes/servera/etc-cluster/who")));
        assertFalse(lab.exec("servera", "ls", Halab.STATE + "/nodes").ok(), "a node sees the lab's state");
        String hosts = lab.exec("servera", "cat", "/etc/hosts").out();
        assertTrue(hosts.contains("172.16.177.1 servera") && hosts.contains("172.16.177.2 serverb"), hosts);
    }

    /** Each node sees its own three cards (and lo) in /sys/class/net and ip; eth1 is up without an address. */
    @Test
    void eachNodeSeesOnlyItsOwnCards() {
        for (String node : List.of("servera", "serverb")) {
            String sys = Halab.require(lab.exec(node, "ls", "/sys/class/net"), "ls /sys/class/net").out();
            assertEquals(List.of("eth0", "eth1", "eth2", "lo"), sys.lines().sorted().toList());
            String n = node.equals("servera") ? "1" : "2";
            String addrs = lab.exec(node, "ip", "-4", "-o", "addr", "show").out();
            assertTrue(addrs.contains("eth0    inet 172.16.177." + n + "/24"), addrs);
            assertTrue(addrs.contains("eth2    inet 172.16.178." + n + "/24"), addrs);
            assertFalse(addrs.contains("eth1"), "eth1 is a standby card without an address: " + addrs);
            assertEquals("1", lab.exec(node, "cat", "/sys/class/net/eth1/carrier").out().trim(), "eth1 is up");
            assertEquals("", lab.exec(node, "ip", "route", "show", "default").out().trim(), "no default route");
        }
    }

    /** Device nodes made in one node's /dev are not in the other's. */
    @Test
    void devIsPerNode() {
        Halab.require(lab.sh("servera", "mkdir -p /dev/app01vg && mknod /dev/app01vg/test b 7 63"), "mknod");
        assertTrue(lab.exec("servera", "test", "-b", "/dev/app01vg/test").ok());
        assertFalse(lab.exec("serverb", "test", "-e", "/dev/app01vg/test").ok(), "serverb sees servera's /dev");
        assertTrue(lab.exec("serverb", "test", "-c", "/dev/null").ok(), "serverb has /dev/null");
    }

    /** Root ssh works both ways without a prompt, and the remote command runs on the other node. */
    @Test
    void sshBothWays() {
        assertEquals("serverb", Halab.require(lab.exec("servera", "ssh", "serverb", "uname", "-n"), "ssh a->b")
                .out().trim());
        assertEquals("servera", Halab.require(lab.exec("serverb", "ssh", "servera", "uname", "-n"), "ssh b->a")
                .out().trim());
        assertEquals("servera", Halab.require(lab.exec("serverb", "ssh", "172.16.178.1", "hostname"), "ssh drbd")
                .out().trim());
    }

    /** The linuxha launchers are on PATH inside a node and over ssh, after the storage simulator's directory. */
    @Test
    void productToolsOnPath() {
        String path = lab.exec("servera", "sh", "-c", "echo $PATH").out().trim();
        assertTrue(path.startsWith("/opt/linuxha/lab/sim/bin:/opt/linuxha/bin:"), path);
        assertEquals("/opt/linuxha/bin/clstat", lab.sh("servera", "command -v clstat").out().trim());
        assertEquals("/opt/linuxha/bin/clbuild", lab.exec("servera", "ssh", "serverb", "command -v clbuild")
                .out().trim());
        assertFalse(lab.sh("servera", "touch /opt/linuxha/x").ok(), "the checkout is read-only inside a node");
    }

    /** exec passes the exit code, stdin-less commands work, and the client reaches both nodes on public. */
    @Test
    void execExitCodeAndClient() {
        assertEquals(7, lab.sh("serverb", "exit 7").exitCode());
        assertTrue(lab.clientPing("172.16.177.1"));
        assertTrue(lab.clientPing("172.16.177.2"));
        assertFalse(lab.clientPing("172.16.178.1"), "the client is not on the drbd network");
    }
}

package net.linuxha.lab.clbuild;

import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import net.linuxha.lab.Halab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import net.linuxha.common.testing.Wait;

/**
 * clbuild on the two-node lab (Reference 7.2.4-7.2.6): a build from servera puts clconf.xml, the resource pools and
 * the build checksum on both nodes; a re-run keeps allocations; each broken precondition fails with its message and
 * a non-zero exit, and nothing is built.
 */
@Tag("lab")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClbuildLabTest {

    private static final Path SAMPLE = Path.of(System.getProperty("basedir", "."), "..", "etc-samples",
            "clconf.xml");
    private static final String RESOURCES = "/etc/cluster/.resources";
    private static Halab lab;
    private static String sample;

    @BeforeAll
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    static void up() throws Exception {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root (namespaces, mounts, loop devices)");
        sample = Files.readString(SAMPLE);
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

    /** Every test starts from an unbuilt cluster: only servera's clconf.xml (the sample, root, 600). */
    @BeforeEach
    void fresh() throws Exception {
        for (String node : new String[] {"servera", "serverb"}) {
            Halab.require(lab.sh(node, "rm -rf /etc/cluster/* /etc/cluster/.[!.]* /var/log/cluster/*"), "clean");
        }
        installClconf(sample);
    }

    private static void installClconf(String xml) throws Exception {
        Files.writeString(Path.of(Halab.STATE, "nodes", "servera", "etc-cluster", "clconf.xml"), xml);
        Halab.require(lab.sh("servera", "chown root /etc/cluster/clconf.xml && chmod 600 /etc/cluster/clconf.xml"),
                "chmod clconf");
    }

    private static Halab.Result clbuild(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "clbuild";
        System.arraycopy(args, 0, command, 1, args.length);
        return lab.exec("servera", command);
    }

    private static String out(String node, String commandLine) {
        return Halab.require(lab.sh(node, commandLine), commandLine + " on " + node).out().strip();
    }

    private static Halab.Result build() {
        Halab.Result result = clbuild("--verbose");
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    @Test
    void buildPutsConfigurationPoolsAndChecksumOnBothNodes() {
        Halab.Result result = build();
        assertTrue(result.out().contains("INFO") && result.out().contains("Checking ssh capability from servera to "
                + "serverb") && result.out().contains("Clbuild has completed without errors or warnings"),
                result.toString());
        assertEquals("600 root", out("serverb", "stat -c '%a %U' /etc/cluster/clconf.xml"));
        assertEquals(out("servera", "md5sum < /etc/cluster/clconf.xml"), out("serverb",
                "md5sum < /etc/cluster/clconf.xml"));
        String checksum = out("servera", "cat /etc/cluster/.clbuild.md5");
        assertTrue(checksum.matches("[0-9a-f]{32}  clconf\\.xml"), checksum);
        assertEquals(checksum, out("serverb", "cat /etc/cluster/.clbuild.md5"));
        assertEquals(checksum.substring(0, 32), out("serverb", "md5sum < /etc/cluster/clconf.xml").substring(0, 32));
        for (String node : new String[] {"servera", "serverb"}) {
            assertEquals("99", out(node, "ls " + RESOURCES + "/ports | grep -c '^99[0-9][0-9]\\.free$'"));
            assertEquals("50", out(node, "ls " + RESOURCES + "/drbd | grep -c '^[0-9]*\\.free$'"));
            assertEquals("0.free", out(node, "ls " + RESOURCES + "/drbd | sort -n | head -n 1"));
            assertEquals("49.free", out(node, "ls " + RESOURCES + "/drbd | sort -n | tail -n 1"));
            assertTrue(lab.exec(node, "test", "-d", "/var/log/cluster").ok());
        }
    }

    /** Without --verbose only warnings and errors print: a clean build prints nothing and exits 0. */
    @Test
    void quietBuildPrintsNothing() {
        Halab.Result result = clbuild();
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.out().strip(), result.toString());
    }

    /** 7.2.5: a re-run leaves allocated flags as they are; a pool that would drop one is refused, naming it. */
    @Test
    void rerunKeepsAllocationsAndRefusesToDropThem() throws Exception {
        build();
        for (String node : new String[] {"servera", "serverb"}) {
            Halab.require(lab.sh(node, "cd " + RESOURCES + " && mv ports/9950.free ports/9950.apache.app01vg.docs"
                    + " && mv drbd/0.free drbd/0.apache.app01vg.docs"), "allocate as clbuildapp would");
        }
        Halab.Result again = build();
        assertTrue(again.out().contains("Created 0 port allocation files on serverb"), again.toString());
        for (String node : new String[] {"servera", "serverb"}) {
            assertTrue(lab.exec(node, "test", "-e", RESOURCES + "/ports/9950.apache.app01vg.docs").ok(), node);
            assertTrue(lab.exec(node, "test", "-e", RESOURCES + "/drbd/0.apache.app01vg.docs").ok(), node);
            assertFalse(lab.exec(node, "test", "-e", RESOURCES + "/ports/9950.free").ok(), node);
            assertFalse(lab.exec(node, "test", "-e", RESOURCES + "/drbd/0.free").ok(), node);
        }

        installClconf(sample.replace("<portpool>9901,9999</portpool>", "<portpool>9901,9940</portpool>"));
        Halab.Result shrunk = clbuild("--verbose");
        assertNotEquals(0, shrunk.exitCode(), shrunk.toString());
        String all = shrunk.out() + shrunk.err();
        assertTrue(all.contains("ERROR") && all.contains("port 9950") && all.contains("application apache")
                && all.contains("<portpool>"), all);
        assertEquals("99", out("serverb", "ls " + RESOURCES + "/ports | wc -l"), "nothing changed on serverb");
        assertNotEquals(out("servera", "md5sum < /etc/cluster/clconf.xml").substring(0, 32),
                out("servera", "cut -c1-32 /etc/cluster/.clbuild.md5"), "no checksum for the refused configuration");
    }

    @Test
    void clconfReadableByOthersFails() {
        Halab.require(lab.exec("servera", "chmod", "644", "/etc/cluster/clconf.xml"), "chmod 644");
        assertFailsWith(clbuild("--verbose"), "has permissions rw-r--r--", "chmod 600 /etc/cluster/clconf.xml");
    }

    @Test
    void missingCardOnTheOtherNodeFails() throws Exception {
        int second = sample.indexOf("<name>serverb</name>");
        installClconf(sample.substring(0, second) + sample.substring(second)
                .replaceFirst("cards=\"eth0,eth1\"", "cards=\"eth0,eth7\""));
        assertFailsWith(clbuild("--verbose"), "Card eth7 of network public does not exist on serverb",
                "<node[serverb]><network[public]>@cards");
    }

    @Test
    void brokenSshFails() {
        Halab.require(lab.sh("serverb", "mv /root/.ssh/authorized_keys /root/.ssh/authorized_keys.away"), "move");
        try {
            assertFailsWith(clbuild("--verbose"), "Cannot ssh as root from servera to serverb", "Appendix C");
            assertFalse(lab.exec("serverb", "test", "-e", "/etc/cluster/clconf.xml").ok(), "nothing copied");
        } finally {
            Halab.require(lab.sh("serverb", "mv /root/.ssh/authorized_keys.away /root/.ssh/authorized_keys"),
                    "restore authorized_keys");
        }
    }

    @Test
    void unknownNodeNameFails() throws Exception {
        installClconf(sample.replace("<name>serverb</name>", "<name>serverx</name>"));
        assertFailsWith(clbuild("--verbose"), "Node name serverx does not resolve to an address on servera",
                "/etc/hosts");
    }

    /** A program on serverb's cldaemon port (9900) stops the build, unless --force, which warns and builds. */
    @Test
    void daemonPortInUseFailsUnlessForced() {
        String pid = out("serverb", "nohup python3 -m http.server 9900 >/dev/null 2>&1 & echo $!");
        try {
            assertTrue(Wait.until(Duration.ofSeconds(15), Wait.SLOWLY,
                    () -> lab.sh("serverb", "ss -ltnH 'sport = :9900' | grep -q 9900").ok()),
                    "http.server did not listen on 9900 in serverb");
            assertFailsWith(clbuild("--verbose"), "Port 9900 (<global><port>) on node serverb accepts connections",
                    "clbuild --force");
            Halab.Result forced = clbuild("--verbose", "--force");
            assertEquals(0, forced.exitCode(), forced.toString());
            assertTrue(forced.out().contains("WARN") && forced.out().contains("--force given"), forced.toString());
            assertTrue(lab.exec("serverb", "test", "-e", "/etc/cluster/.clbuild.md5").ok());
        } finally {
            lab.exec("serverb", "kill", pid);
        }
    }

    private static void assertFailsWith(Halab.Result result, String message, String fix) {
        assertNotEquals(0, result.exitCode(), result.toString());
        String all = result.out() + result.err();
        assertTrue(all.lines().anyMatch(l -> l.startsWith("ERROR ") && l.contains(message)), message + " in\n" + all);
        assertTrue(all.lines().anyMatch(l -> l.startsWith("ERROR ") && l.contains("Fix: ") && l.contains(fix)),
                fix + " in\n" + all);
        assertTrue(result.err().contains("nothing was changed"), result.toString());
        assertFalse(lab.exec("servera", "test", "-e", "/etc/cluster/.clbuild.md5").ok(), "no checksum written");
    }
}

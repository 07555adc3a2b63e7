package net.linuxha.lab.sim;

import static net.linuxha.lab.sim.SimNodes.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import net.linuxha.common.testing.Wait;

/**
 * The real drbdadm drives the simulated drbdsetup/drbdmeta on two namespace nodes: DRBD's state machine,
 * data written on one node readable on the other, resync after a cut link, split brain, and clean-up.
 */
@Tag("lab")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DrbdSimTest {
    private static final String RES = """
            global { usage-count no; }
            resource r0 {
              device /dev/drbd0;
              disk /dev/app01vg/admin;
              meta-disk internal;
              on servera { address 172.16.178.1:7789; node-id 0; }
              on serverb { address 172.16.178.2:7789; node-id 1; }
            }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void needsRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")), "the storage simulator tests need root");
    }

    private static String adm(SimNodes nodes) {
        return "drbdadm -c " + nodes.dir().resolve("drbd.conf") + " ";
    }

    /** Both nodes: VG, LV, meta data, drbdadm up; returns once connected. */
    private static void upBoth(SimNodes nodes) throws IOException {
        Files.writeString(nodes.dir().resolve("drbd.conf"), RES);
        for (String n : SimNodes.NODES) {
            check(nodes.run(n, "simvg create app01vg 100M && lvcreate -L 20M -n admin app01vg"));
            check(nodes.run(n, adm(nodes) + "create-md r0 && " + adm(nodes) + "up r0"));
        }
        Wait.assertWithin(WAIT, Wait.SLOWLY,
                () -> "Connected".equals(connection(nodes, "a").path("connection-state").asText()));
    }

    private static JsonNode status(SimNodes nodes, String node) {
        SimNodes.Result r = check(nodes.run(node, "drbdsetup status --json r0"));
        try {
            return JSON.readTree(r.out()).get(0);
        } catch (IOException e) {
            throw new AssertionError("status --json is not JSON: " + r, e);
        }
    }

    private static JsonNode connection(SimNodes nodes, String node) {
        return status(nodes, node).path("connections").get(0);
    }

    private static boolean inSync(SimNodes nodes, String node) {
        JsonNode s = status(nodes, node);
        JsonNode pd = s.path("connections").get(0).path("peer_devices").get(0);
        return "UpToDate".equals(s.path("devices").get(0).path("disk-state").asText())
                && "UpToDate".equals(pd.path("peer-disk-state").asText())
                && "Established".equals(pd.path("replication-state").asText());
    }

    /** Initial full sync from a forced primary on a, then both UpToDate with a file system made on a. */
    private static void initialSync(SimNodes nodes) {
        check(nodes.run("a", adm(nodes) + "primary --force r0"));
        Wait.assertWithin(WAIT, Wait.SLOWLY, () -> inSync(nodes, "a") && inSync(nodes, "b"));
        check(nodes.run("a", "mkfs.ext4 -q /dev/drbd0 && mkdir -p /mnt/d"));
        check(nodes.run("b", "mkdir -p /mnt/d"));
    }

    @Test
    void stateMachineAndFailoverKeepData() throws Exception {
        try (SimNodes nodes = new SimNodes()) {
            upBoth(nodes);
            JsonNode fresh = status(nodes, "a");
            assertEquals("Secondary", fresh.path("role").asText());
            assertEquals("Inconsistent", fresh.path("devices").get(0).path("disk-state").asText());
            assertEquals(20480, fresh.path("devices").get(0).path("size").asInt(), "size in KiB");

            SimNodes.Result refused = nodes.run("a", adm(nodes) + "primary r0");
            assertEquals(11, refused.rc(), "drbdadm passes drbdsetup's exit code on: " + refused);
            assertTrue(refused.err().contains("(-2) Need access to UpToDate data"), refused.toString());
            assertTrue(refused.err().contains("terminated with exit code 11"), refused.toString());

            initialSync(nodes);
            check(nodes.run("a", "mount /dev/drbd0 /mnt/d && echo written-on-a > /mnt/d/file && umount /mnt/d"));

            SimNodes.Result both = nodes.run("b", adm(nodes) + "primary r0");
            assertEquals(11, both.rc(), "two primaries while connected must be refused: " + both);
            assertTrue(both.err().contains("(-1) Multiple primaries not allowed by config"), both.toString());

            SimNodes.Result secondaryMount = nodes.run("b", "mount /dev/drbd0 /mnt/d");
            assertNotEquals(0, secondaryMount.rc(), "a Secondary's /dev/drbd0 must not be mountable");

            check(nodes.run("a", adm(nodes) + "secondary r0"));
            check(nodes.run("b", adm(nodes) + "primary r0"));
            assertEquals("written-on-a\n", check(nodes.run("b", "mount /dev/drbd0 /mnt/d && cat /mnt/d/file")).out());
            assertEquals("Primary", connection(nodes, "a").path("peer-role").asText());
            check(nodes.run("b", "umount /mnt/d && " + adm(nodes) + "secondary r0"));

            String text = check(nodes.run("a", adm(nodes) + "status r0")).out();
            assertEquals("r0 role:Secondary\n  disk:UpToDate\n  serverb role:Secondary\n    peer-disk:UpToDate\n\n",
                    text);
            String events = check(nodes.run("a", "drbdsetup events2 --now --statistics r0")).out();
            assertTrue(events.contains("exists peer-device name:r0 peer-node-id:1 conn-name:serverb volume:0 "
                    + "replication:Established peer-disk:UpToDate"), events);
            assertTrue(events.endsWith("exists -\n"), events);
            SimNodes.Result adjust = check(nodes.run("a", adm(nodes) + "-d adjust r0"));
            assertEquals("", adjust.out().strip(), "adjust of an up-to-date resource has nothing to do");

            for (String n : SimNodes.NODES) {
                check(nodes.run(n, adm(nodes) + "down r0"));
                assertEquals("", check(nodes.run(n, "drbdsetup status")).out());
            }
        }
    }

    @Test
    void cutLinkTracksOutOfSyncAndResyncsOnReconnect() throws Exception {
        try (SimNodes nodes = new SimNodes()) {
            upBoth(nodes);
            initialSync(nodes);
            check(nodes.run("a", "mount /dev/drbd0 /mnt/d"));
            nodes.link("a", false);
            Wait.assertWithin(WAIT, Wait.SLOWLY,
                    () -> "Connecting".equals(connection(nodes, "a").path("connection-state").asText()));
            String sum = check(nodes.run("a",
                    "head -c 3000000 /dev/urandom > /mnt/d/data && sync && md5sum < /mnt/d/data")).out();
            Wait.assertWithin(WAIT, Wait.SLOWLY, () -> connection(nodes, "a").path("peer_devices").get(0)
                    .path("out-of-sync").asLong() >= 2900);
            nodes.link("a", true);
            Wait.assertWithin(WAIT, Wait.SLOWLY, () -> inSync(nodes, "a") && inSync(nodes, "b"));
            check(nodes.run("a", "umount /mnt/d && " + adm(nodes) + "secondary r0"));
            check(nodes.run("b", adm(nodes) + "primary r0"));
            assertEquals(sum, check(nodes.run("b", "mount -o ro /dev/drbd0 /mnt/d && md5sum < /mnt/d/data")).out());
            check(nodes.run("b", "umount /mnt/d"));
            String log = Files.readString(nodes.disk("a").resolve("run/drbd-agent.log"));
            assertTrue(log.contains("source-bitmap"), "resync used the bitmap, not a full sync:\n" + log);
        }
    }

    @Test
    void splitBrainIsDetectedWhenBothWroteWhileDisconnected() throws Exception {
        Path dir;
        try (SimNodes nodes = new SimNodes()) {
            dir = nodes.dir();
            upBoth(nodes);
            initialSync(nodes);
            check(nodes.run("a", adm(nodes) + "secondary r0"));
            nodes.link("a", false);
            Wait.assertWithin(WAIT, Wait.SLOWLY,
                    () -> "Connecting".equals(connection(nodes, "b").path("connection-state").asText()));
            for (String n : SimNodes.NODES) {
                check(nodes.run(n, adm(nodes) + "primary r0 && mount /dev/drbd0 /mnt/d && echo " + n
                        + " > /mnt/d/who && umount /mnt/d && " + adm(nodes) + "secondary r0"));
            }
            nodes.link("a", true);
            for (String n : SimNodes.NODES) {
                Wait.assertWithin(WAIT, Wait.SLOWLY, () -> "StandAlone".equals(
                        connection(nodes, n).path("connection-state").asText()));
            }
            assertTrue(Files.readString(nodes.disk("a").resolve("run/drbd-agent.log")).contains("Split-Brain"));

            // the usual manual recovery: the victim discards its data
            check(nodes.run("b", adm(nodes) + "connect --discard-my-data r0"));
            check(nodes.run("a", adm(nodes) + "connect r0"));
            Wait.assertWithin(WAIT, Wait.SLOWLY, () -> inSync(nodes, "a") && inSync(nodes, "b"));
            check(nodes.run("b", adm(nodes) + "primary r0"));
            assertEquals("a\n", check(nodes.run("b", "mount /dev/drbd0 /mnt/d && cat /mnt/d/who")).out());
            check(nodes.run("b", "umount /mnt/d"));
        }
        // everything the harness and the simulator set up is gone
        assertTrue(Files.notExists(dir), "harness directory removed");
        assertTrue(SimNodes.exec(java.util.List.of("ip", "netns", "list"), Duration.ofSeconds(10)).out().lines()
                .noneMatch(l -> l.startsWith("simt-")), "namespaces removed");
        assertTrue(SimNodes.exec(java.util.List.of("losetup", "-a"), Duration.ofSeconds(10)).out().lines()
                .noneMatch(l -> l.contains(dir.toString())), "loop devices detached");
        assertTrue(agentsUsing(dir).isEmpty(), "no DRBD agent of this test left running: " + agentsUsing(dir));
    }

    /** Simulator agents whose disk directory lies under {@code dir} (other labs on the machine have their own). */
    private static java.util.List<String> agentsUsing(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> read(p.resolve("cmdline")).contains("drbdserver.py"))
                    .filter(p -> read(p.resolve("environ")).contains(dir.toString()))
                    .map(p -> p.getFileName().toString())
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | SecurityException e) {
            return "";
        }
    }
}

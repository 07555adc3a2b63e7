package net.linuxha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import net.linuxha.common.testing.Wait;

/** {@code halab up} builds the lab and {@code halab down} removes every trace of it, from any state. */
@Tag("lab")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class HalabUpDownTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final Halab lab = Halab.runningAsRoot() ? Halab.fromCheckout() : null;

    @BeforeEach
    void needRoot() {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root (namespaces, mounts, loop devices)");
    }

    /** Up, use the nodes (a loop device and a mount inside one), down: nothing of the lab is left on the host. */
    @Test
    void downLeavesNothingBehind() throws Exception {
        Set<String> namespaces = new HashSet<>();
        Halab.runWithNewLab(lab -> {
            assertTrue(lab.halab("status").out().startsWith("lab: up"), () -> lab.halab("status").toString());
            for (String node : List.of("servera", "serverb")) {
                namespaces.addAll(LabTraces.namespacesOf(Halab.initPid(node)));
            }
            Halab.require(lab.sh("servera", "truncate -s 8M /var/lib/halab-disk/pv.img"
                    + " && l=$(losetup -f --show /var/lib/halab-disk/pv.img) && mkfs.ext4 -q $l"
                    + " && mkdir -p /mnt/data && mount $l /mnt/data && nohup sleep 600 >/dev/null 2>&1 &"),
                    "setting up a loop device, a mount and a background process in servera");
            Wait.assertWithin(TEN_SECONDS, Wait.SLOWLY,
                    () -> lab.sh("servera", "findmnt /mnt/data").ok(), () -> "no mount in servera");
        });
        assertEquals(List.of(), LabTraces.find(namespaces), "traces left after halab down");
    }

    /** An up that failed half-way (networks made, nodes not started, or nodes started) is cleaned by down. */
    @Test
    void downCleansAFailedUp() {
        for (String step : List.of("files", "network", "nodes")) {
            Halab.Result up = lab.halab(Duration.ofSeconds(120), Map.of("HALAB_FAIL_AT", step), "up");
            assertFalse(up.ok(), "up with HALAB_FAIL_AT=" + step + " should fail");
            assertTrue(lab.halab("status").out().startsWith("lab: PARTIAL"), () -> lab.halab("status").toString());
            Halab.Result again = lab.halab("up");
            assertFalse(again.ok(), "up over a partial lab must refuse");
            assertTrue(again.err().contains("halab down"), () -> "refusal should say to run halab down: " + again);
            lab.down();
            assertEquals(List.of(), LabTraces.find(Set.of()), "traces left after down of a lab failed at " + step);
        }
    }

    /** Down after a node was killed (and with a cable pulled and a partition) still removes everything. */
    @Test
    void downAfterKillAndFaults() throws Exception {
        Halab.runWithNewLab(lab -> {
            Halab.require(lab.halab("kill", "serverb"), "halab kill serverb");
            Halab.require(lab.halab("link", "servera", "eth1", "down"), "halab link");
            Halab.require(lab.halab("partition"), "halab partition");
        });
        assertEquals(List.of(), LabTraces.find(Set.of()), "traces left after down");
    }

    /** A second up while the lab is up refuses with a message naming the way out, and leaves the lab working. */
    @Test
    void upRefusesWhenAlreadyUp() throws Exception {
        Halab.runWithNewLab(lab -> {
            Halab.Result again = lab.halab("up");
            assertFalse(again.ok(), "second up must fail");
            assertTrue(again.err().contains("already up"), again::toString);
            Halab.require(lab.exec("servera", "ssh", "serverb", "true"), "ssh after a refused up");
        });
    }
}

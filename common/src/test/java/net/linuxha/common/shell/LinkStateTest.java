package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Carrier and operstate from sysfs: the real /sys for loopback, a temporary tree for the other cases. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LinkStateTest {

    @TempDir
    Path sys;

    @Test
    void realLoopbackIsReadable() {
        LinkState.CardState lo = new LinkState().read("lo").orElseThrow();

        assertEquals(LinkState.Carrier.PRESENT, lo.carrier());
        assertEquals(LinkState.OperState.UNKNOWN, lo.operState(), "loopback reports 'unknown'");
        assertTrue(new LinkState().cards().contains("lo"));
    }

    @Test
    void carrierAndOperStateCombinations() throws Exception {
        card("eth0", "1", "up");
        card("eth1", "0", "down");
        card("eth2", "1", "lowerlayerdown");
        card("eth3", null, "down");
        LinkState links = new LinkState(sys);

        assertTrue(links.read("eth0").orElseThrow().linkUp());
        assertEquals(new LinkState.CardState("eth1", LinkState.Carrier.ABSENT, LinkState.OperState.DOWN),
                links.read("eth1").orElseThrow());
        assertFalse(links.read("eth2").orElseThrow().linkUp());
        // The kernel answers EINVAL for the carrier of a card that is administratively down; here: no file.
        assertEquals(LinkState.Carrier.UNKNOWN, links.read("eth3").orElseThrow().carrier());
        assertEquals(Optional.empty(), links.read("eth9"));
        assertEquals(Optional.empty(), links.read("../etc"));
        assertEquals(List.of("eth0", "eth1", "eth2", "eth3"), links.cards());
    }

    private void card(String name, String carrier, String operstate) throws Exception {
        Path dir = Files.createDirectories(sys.resolve(name));
        if (carrier != null) {
            Files.writeString(dir.resolve("carrier"), carrier + "\n");
        }
        Files.writeString(dir.resolve("operstate"), operstate + "\n");
    }
}

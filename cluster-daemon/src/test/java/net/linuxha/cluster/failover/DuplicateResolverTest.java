package net.linuxha.cluster.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.linuxha.cluster.failover.DuplicateResolver.Resolution;

/**
 * Proves 21.6's split-brain rule (reset the node that started the first duplicated application first) and that
 * both nodes, each asking from its own side, pick the same node.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DuplicateResolverTest {

    private static final Instant T = Instant.parse("2005-06-15T02:00:00Z");

    /** What sl4s1 sees, and what sl4s2 sees of the same facts. */
    private static String resetBySl4s1(List<RunningApplication> apps) {
        return DuplicateResolver.resolve("sl4s1", "sl4s2", apps).map(Resolution::nodeToReset).orElse("none");
    }

    private static String resetBySl4s2(List<RunningApplication> apps) {
        List<RunningApplication> mirrored = apps.stream()
                .map(a -> new RunningApplication(a.application(), a.startedOnPeer(), a.startedHere())).toList();
        return DuplicateResolver.resolve("sl4s2", "sl4s1", mirrored).map(Resolution::nodeToReset).orElse("none");
    }

    @ParameterizedTest(name = "sl4s1 started at +{0}s, sl4s2 at +{1}s -> reset {2}")
    @CsvSource({"0, 60, sl4s1", "60, 0, sl4s2", "30, 30, sl4s1"})
    void theNodeThatStartedItFirstResetsAndBothNodesAgree(long here, long peer, String expected) {
        List<RunningApplication> apps = List.of(new RunningApplication("apache", T.plusSeconds(here),
                T.plusSeconds(peer)));
        assertEquals(expected, resetBySl4s1(apps));
        assertEquals(expected, resetBySl4s2(apps));
    }

    @Test
    void theFirstDuplicatedApplicationByNameDecides() {
        List<RunningApplication> apps = List.of(
                new RunningApplication("samba", T, T.plusSeconds(5)),
                new RunningApplication("apache", T.plusSeconds(5), T),
                new RunningApplication("alone", T, null));
        Resolution r = DuplicateResolver.resolve("sl4s1", "sl4s2", apps).orElseThrow();
        assertEquals("apache", r.application());
        assertEquals("sl4s2", r.nodeToReset());
        assertTrue(r.resets("sl4s2"));
        assertFalse(r.resets("sl4s1"));
        assertEquals("sl4s2", resetBySl4s2(apps));
        assertEquals("Application apache is running on both sl4s1 and sl4s2 - node sl4s2 will reset immediately "
                + "since it started apache first (2005-06-15T02:00:00Z).", r.reason());
    }

    @Test
    void tiesAreExplained() {
        Resolution r = DuplicateResolver.resolve("sl4s2", "sl4s1", List.of(new RunningApplication("apache", T, T)))
                .orElseThrow();
        assertEquals("Application apache is running on both sl4s2 and sl4s1 - node sl4s1 will reset immediately "
                + "since both started apache at 2005-06-15T02:00:00Z and its name sorts first.", r.reason());
    }

    @Test
    void nothingToDoWithoutDuplicates() {
        assertEquals(Optional.empty(), DuplicateResolver.resolve("sl4s1", "sl4s2", List.of(
                new RunningApplication("apache", T, null), new RunningApplication("samba", null, T),
                new RunningApplication("down", null, null))));
        assertEquals(Optional.empty(), DuplicateResolver.resolve("sl4s1", "sl4s2", List.of()));
    }

    @Test
    void checksAboutEveryTenSeconds() {
        assertTrue(DuplicateResolver.checkDue(null, T));
        assertFalse(DuplicateResolver.checkDue(T, T.plusSeconds(9)));
        assertTrue(DuplicateResolver.checkDue(T, T.plusSeconds(10)));
    }
}

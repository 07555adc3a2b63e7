package net.linuxha.common.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** On-disk names of STALE flags (VG.LV.node.STALE) and the content of TIME files, both ways. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StaleFlagsAndTimeFileTest {

    @Test
    void staleFlagNameRoundTrips() {
        StaleFlag flag = StaleFlag.of("app01vg", "admin", "serverb");
        assertEquals("app01vg.admin.serverb.STALE", flag.fileName());
        assertEquals(flag, StaleFlag.parse("app01vg.admin.serverb.STALE"));
    }

    @Test
    void nodeNamesMayContainDots() {
        StaleFlag flag = StaleFlag.parse("sambavg.logs.sl4s2.example.org.STALE");
        assertEquals(new FileSystemId("sambavg", "logs"), flag.fs());
        assertEquals("sl4s2.example.org", flag.node());
        assertEquals("sambavg.logs.sl4s2.example.org.STALE", flag.fileName());
    }

    @Test
    void malformedFlagNamesAreRejectedWithTheExpectedForm() {
        for (String bad : List.of("vg.STALE", "vg.lv.STALE", ".lv.node.STALE", "vg..node.STALE", "vg.lv..STALE")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StaleFlag.parse(bad));
            assertTrue(e.getMessage().contains(bad) && e.getMessage().contains("VG.LV.node.STALE"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> StaleFlag.parse("TIME"));
    }

    @Test
    void volumeNamesWithDotsAreRejectedBecauseTheFlagNameWouldBeAmbiguous() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FileSystemId("app.vg", "lv"));
        assertTrue(e.getMessage().contains("'app.vg'") && e.getMessage().contains("vgrename"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FileSystemId("vg", "a/b"));
        assertThrows(IllegalArgumentException.class, () -> StaleFlag.of("vg", "lv", "bad/node"));
    }

    @Test
    void directoryListingsSkipOtherFilesAndSort() {
        StaleFlags flags = StaleFlags.fromFileNames(List.of("TIME", "vg.b.n1.STALE", "LIVENODE", "vg.a.n2.STALE"));
        assertEquals(List.of("vg.a.n2.STALE", "vg.b.n1.STALE"), flags.fileNames());
        assertEquals(Set.of(new FileSystemId("vg", "b")), flags.staleOn("n1"));
        assertTrue(flags.isStale(new FileSystemId("vg", "a"), "n2"));
        assertFalse(flags.isStale(new FileSystemId("vg", "a"), "n1"));
        assertEquals(List.of("vg.a.n2.STALE"), flags.clearedFor("n1").fileNames());
    }

    @Test
    void flagUpdateIsTheDifferenceBetweenTwoSets() {
        StaleFlags current = StaleFlags.fromFileNames(List.of("vg.a.n1.STALE", "vg.b.n1.STALE"));
        StaleFlags target = StaleFlags.fromFileNames(List.of("vg.b.n1.STALE", "vg.c.n2.STALE"));
        FlagUpdate u = FlagUpdate.between(current, target);
        assertEquals(List.of("vg.c.n2.STALE"), u.write().fileNames());
        assertEquals(List.of("vg.a.n1.STALE"), u.delete().fileNames());
        assertTrue(FlagUpdate.between(target, target).isEmpty());
    }

    @Test
    void timeFileHoldsUnixSeconds() {
        TimeFile t = TimeFile.parse("1118617404\n", "/etc/cluster/.status/apache/TIME");
        assertEquals(Instant.parse("2005-06-12T23:03:24Z"), t.instant());
        assertEquals("1118617404\n", t.format());
        assertEquals(t, TimeFile.parse(" 1118617404 ", "x"));
        assertEquals(t, TimeFile.of(Instant.parse("2005-06-12T23:03:24.900Z")));
        assertTrue(t.isAfter(new TimeFile(1)));
    }

    @Test
    void badTimeFileNamesTheFileAndTheFix() {
        for (String bad : List.of("", "  \n", "-5", "12.5", "yesterday", "99999999999999999999")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TimeFile.parse(bad, "/etc/cluster/.status/apache/TIME"));
            assertTrue(e.getMessage().contains("/etc/cluster/.status/apache/TIME")
                    && e.getMessage().contains("remove it"), e.getMessage());
        }
    }
}

package net.linuxha.cli.clbuildapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.storage.FileSystemState;
import net.linuxha.common.storage.FsMap;
import net.linuxha.common.storage.FsMapEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Meta volume sizes, the --vgbuild stamp and the --sync progress lines. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SmallPartsTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    /** One LVM extent at least; DRBD 9's 32 KiB of bitmap per GiB plus superblock and activity log above that. */
    @Test
    void metaVolumesAreSizedForDrbd9() {
        assertEquals(4 * MIB, MetaVolume.sizeBytes(20 * MIB));
        assertEquals(4 * MIB, MetaVolume.sizeBytes(100L * 1024 * MIB));
        assertEquals(33 * MIB, MetaVolume.sizeBytes(1024L * 1024 * MIB), "1 TiB: 32 MiB bitmap + 36 KiB");
        assertEquals("docs_meta", MetaVolume.name("docs"));
    }

    /** The stamp changes with appconf.xml and with any volume's size, not with the order volumes are listed in. */
    @Test
    void vgbuildStampFollowsConfigurationAndVolumes() throws Exception {
        byte[] appconf = "<appconf/>".getBytes(StandardCharsets.UTF_8);
        String stamp = VgbuildStamp.compute(appconf, List.of("app01vg:docs:20480", "app01vg:logs:20480"));
        assertEquals(stamp, VgbuildStamp.compute(appconf, List.of("app01vg:logs:20480", "app01vg:docs:20480")));
        assertNotEquals(stamp, VgbuildStamp.compute(appconf, List.of("app01vg:docs:40960", "app01vg:logs:20480")));
        assertNotEquals(stamp, VgbuildStamp.compute("<appconf> </appconf>".getBytes(StandardCharsets.UTF_8),
                List.of("app01vg:docs:20480", "app01vg:logs:20480")));
        VgbuildStamp file = new VgbuildStamp(dir.resolve(".vgbuild.md5"));
        assertFalse(file.matches(stamp));
        file.record(stamp);
        assertTrue(file.matches(stamp));
        assertFalse(file.matches(VgbuildStamp.compute(appconf, List.of())));
    }

    /** The lines of 14.8, with the estimated time left appended. */
    @Test
    void syncProgressLinesFollowTheReference() {
        FsMap fsmap = new FsMap("samba", List.of(
                new FsMapEntry("sambavg", "shares", Path.of("/samba/shares"), "ext4", "rw", 40960),
                new FsMapEntry("sambavg", "cfg", Path.of("/samba/cfg"), "ext4", "rw", 10240)));
        List<FileSystemState> states = List.of(
                new FileSystemState(Path.of("/samba/shares"), "samba_sambavg_shares", FileSystemState.Valid.LOCAL,
                        FileSystemState.SyncState.SYNCING, OptionalDouble.of(39.5),
                        Optional.of(Duration.ofSeconds(72))),
                new FileSystemState(Path.of("/samba/cfg"), "samba_sambavg_cfg", FileSystemState.Valid.BOTH,
                        FileSystemState.SyncState.SYNC, OptionalDouble.empty(), Optional.empty()));
        assertEquals(List.of("Sync status: Devices sync'ed: 1, Devices unsync'ed: 0",
                "Sync status: Currently syncing LV /dev/sambavg/shares, 39.5% completed, estimated time left "
                        + "0:00:01:12"), SyncProgress.lines(fsmap, states));
    }
}

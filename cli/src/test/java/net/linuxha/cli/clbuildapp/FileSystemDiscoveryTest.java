package net.linuxha.cli.clbuildapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.shell.LogicalVolume;
import net.linuxha.common.shell.MountEntry;
import net.linuxha.common.shell.MountInfoParser;
import net.linuxha.common.storage.FsMap;
import net.linuxha.common.storage.FsMapEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How clbuildapp finds an application's file systems (8.5, 18): mounted logical volumes by device number or name,
 * file systems already running through DRBD from the old fsmap, meta volumes never.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FileSystemDiscoveryTest {

    private static final long MIB = 1024 * 1024;
    private static final String MOUNTINFO = String.join("\n",
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
            "40 22 7:3 / /apache/docs rw,noatime shared:5 - ext4 /dev/loop3 rw",
            "41 22 253:4 / /apache/logs rw,relatime shared:6 - ext4 /dev/mapper/app01vg-logs rw",
            "42 22 147:0 / /apache/admin rw,relatime shared:7 - ext4 /dev/drbd0 rw", "");

    private static LogicalVolume lv(String name, long mib) {
        return new LogicalVolume("app01vg", name, mib * MIB, "-wi-ao----", "/dev/app01vg/" + name, "uuid-" + name);
    }

    private static final Map<String, String> NUMBERS = Map.of("/dev/app01vg/docs", "7:3");

    private static FileSystemDiscovery discovery(Optional<FsMap> old, boolean keep) {
        List<MountEntry> mounts = MountInfoParser.parse(MOUNTINFO);
        return new FileSystemDiscovery(mounts, d -> Optional.ofNullable(NUMBERS.get(d)), old, keep);
    }

    @Test
    void mountedVolumesAreFoundByDeviceNumberOrName() {
        FileSystemDiscovery.Result result = discovery(Optional.empty(), false).discover("app01vg",
                List.of(lv("docs", 20), lv("docs_meta", 4), lv("logs", 40), lv("spare", 8)));
        assertEquals(List.of(
                new FoundFileSystem(new FsMapEntry("app01vg", "docs", Path.of("/apache/docs"), "ext4", "rw,noatime",
                        20480), FoundFileSystem.Source.LOGICAL_VOLUME),
                new FoundFileSystem(new FsMapEntry("app01vg", "logs", Path.of("/apache/logs"), "ext4", "rw,relatime",
                        40960), FoundFileSystem.Source.LOGICAL_VOLUME)), result.used());
        assertEquals(List.of("spare"), result.unused());
        assertEquals(3, result.checked(), "meta volumes are not counted");
    }

    /** A running application's file system is on its DRBD device; its current volume size shows growth. */
    @Test
    void fileSystemsRunningThroughDrbdComeFromTheOldFsmap() {
        FsMap old = new FsMap("apache", List.of(new FsMapEntry("app01vg", "admin", Path.of("/apache/admin"), "ext4",
                "rw", 20480), new FsMapEntry("app01vg", "gone", Path.of("/apache/gone"), "ext4", "rw", 20480)));
        FileSystemDiscovery.Result result = discovery(Optional.of(old), false).discover("app01vg",
                List.of(lv("admin", 30), lv("gone", 20)));
        assertEquals(List.of(new FoundFileSystem(new FsMapEntry("app01vg", "admin", Path.of("/apache/admin"), "ext4",
                "rw", 30720), FoundFileSystem.Source.DRBD)), result.used());
        assertEquals(List.of("gone"), result.unused(), "an unmounted file system leaves the application (18.2.1)");
    }

    /**
     * A DRBD device with its backing volume's device number (the lab's simulated DRBD) is still the running
     * application's file system, not a new one: an on-line rebuild must not unmount it to "move it under DRBD".
     */
    @Test
    void aDrbdDeviceSharingTheVolumesNumberIsNotANewFileSystem() {
        FsMap old = new FsMap("apache", List.of(new FsMapEntry("app01vg", "logs", Path.of("/apache/logs"), "ext4",
                "rw", 20480)));
        List<MountEntry> mounts = MountInfoParser.parse("83 22 7:53 / /apache/logs rw,relatime - ext4 /dev/drbd2 rw\n");
        FileSystemDiscovery.Result result = new FileSystemDiscovery(mounts, d -> Optional.of("7:53"),
                Optional.of(old), false).discover("app01vg", List.of(lv("logs", 20)));
        assertEquals(List.of(new FoundFileSystem(new FsMapEntry("app01vg", "logs", Path.of("/apache/logs"), "ext4",
                "rw", 20480), FoundFileSystem.Source.DRBD)), result.used());
    }

    /** An off-line rebuild without --fsmap keeps what the fsmap says (18.1.2). */
    @Test
    void offlineRebuildKeepsUnmountedEntries() {
        FsMapEntry gone = new FsMapEntry("app01vg", "gone", Path.of("/apache/gone"), "ext4", "rw", 20480);
        FileSystemDiscovery.Result result = discovery(Optional.of(new FsMap("apache", List.of(gone))), true)
                .discover("app01vg", List.of(lv("gone", 20)));
        assertEquals(List.of(new FoundFileSystem(gone, FoundFileSystem.Source.FSMAP)), result.used());
    }

    @Test
    void mapperNamesDoubleDashes() {
        assertEquals("/dev/mapper/my--vg-data--2", FileSystemDiscovery.mapperPath("my-vg", "data-2"));
    }
}

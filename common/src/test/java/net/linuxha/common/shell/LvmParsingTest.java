package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LVM JSON reports and error messages captured on this machine (and one from Red Hat's documentation). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LvmParsingTest {

    @Test
    void volumeGroupInBytes() {
        RecordingCommandRunner runner = new RecordingCommandRunner().replySample(0, "vgs-with-lvs.json", null);

        VolumeGroup vg = new LvmDriver(runner).volumeGroup("shelltestvg").orElseThrow();

        assertEquals(new VolumeGroup("shelltestvg", 62914560L, 33554432L, 4194304L, 15, 8, 1, 2, "wz--n-"), vg);
        assertEquals(List.of("vgs", "--reportformat", "json", "--units", "b", "--nosuffix", "-o",
                "vg_name,vg_size,vg_free,vg_extent_size,vg_extent_count,vg_free_count,pv_count,lv_count,vg_attr",
                "shelltestvg"), runner.lastArgv());
        assertEquals(Map.of("LVM_SUPPRESS_FD_WARNINGS", "1"), runner.commands().get(0).environment());
    }

    @Test
    void logicalVolumes() {
        RecordingCommandRunner runner = new RecordingCommandRunner().replySample(0, "lvs.json", "lvs.stderr");

        List<LogicalVolume> lvs = new LvmDriver(runner).logicalVolumes("shelltestvg");

        assertEquals(2, lvs.size());
        LogicalVolume data = lvs.get(1);
        assertEquals("data", data.name());
        assertEquals("shelltestvg", data.volumeGroup());
        assertEquals(8388608L, data.sizeBytes());
        assertEquals("/dev/shelltestvg/data", data.path());
        assertEquals("ieNt0S-M9hw-Phmc-APz9-PMsb-60oF-aeQY3S", data.uuid());
        assertFalse(data.active(), "X: state unknown without device-mapper");
    }

    @Test
    void physicalVolumes() {
        RecordingCommandRunner runner = new RecordingCommandRunner().replySample(0, "pvs.json", null);

        List<PhysicalVolume> pvs = new LvmDriver(runner).physicalVolumes();

        assertEquals(List.of(new PhysicalVolume("/dev/loop0", Optional.of("shelltestvg"), 62914560L, 62914560L, "a--"),
                new PhysicalVolume("/dev/loop1", Optional.of("shelltestvg"), 62914560L, 62914560L, "a--")), pvs);
    }

    @Test
    void missingVolumeGroupAndVolumeAreEmpty() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replySample(5, "vgs-notfound.json", "vgs-notfound.stderr")
                .replySample(5, "lvs-notfound.json", "lvs-notfound.stderr");
        LvmDriver driver = new LvmDriver(runner);

        assertEquals(Optional.empty(), driver.volumeGroup("nosuchvg"));
        assertEquals(Optional.empty(), driver.logicalVolume("shelltestvg", "nosuch"));
    }

    @Test
    void notFoundIsTypedAndCarriesLvmsWords() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replySample(5, null, "lvextend-notfound.stderr");

        LvmNotFoundException e = assertThrows(LvmNotFoundException.class,
                () -> new LvmDriver(runner).extend("shelltestvg", "nosuch", 16L << 20));

        assertTrue(e.getMessage().contains("Logical volume nosuch not found in volume group shelltestvg"),
                e.getMessage());
        assertEquals(List.of("lvextend", "-L", "16777216b", "shelltestvg/nosuch"), runner.lastArgv());
    }

    @Test
    void otherFailuresCarryTheToolsStderrWithoutWarnings() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replySample(5, "lvextend-nospace.stdout", "lvextend-nospace.stderr")
                .replySample(3, "lvcreate-no-dm.stdout", "lvcreate-no-dm.stderr");
        LvmDriver driver = new LvmDriver(runner);

        LvmException noSpace = assertThrows(LvmException.class, () -> driver.extend("shelltestvg", "data", 1L << 30));
        assertFalse(noSpace instanceof LvmNotFoundException);
        assertTrue(noSpace.getMessage().contains("Insufficient free space: 254 extents needed, but only 10 available"),
                noSpace.getMessage());
        assertFalse(noSpace.getMessage().contains("WARNING"), noSpace.getMessage());

        LvmException noDm = assertThrows(LvmException.class, () -> driver.createLogicalVolume("shelltestvg", "data",
                8L << 20));
        assertTrue(noDm.getMessage().contains("Required device-mapper target(s) not detected in your kernel"),
                noDm.getMessage());
        assertTrue(noDm.stderr().contains("/dev/mapper/control"));
        assertEquals(List.of("lvcreate", "-L", "8388608b", "-n", "data", "shelltestvg"), runner.lastArgv());
    }

    @Test
    void withoutDeviceMapperCommandsSayDriverloadedN() {
        RecordingCommandRunner runner = new RecordingCommandRunner().reply(0, "", "").reply(0, "", "")
                .reply(0, "", "");
        LvmDriver driver = LvmDriver.withoutDeviceMapper(runner);

        driver.createLogicalVolume("vg02", "apache", 1L << 30);
        driver.extend("vg02", "apache", 2L << 30);
        driver.remove("vg02", "apache");

        assertEquals(List.of("lvcreate", "--driverloaded", "n", "-an", "-Zn", "-L", "1073741824b", "-n", "apache",
                "vg02"), runner.commands().get(0).argv());
        assertEquals(List.of("lvextend", "--driverloaded", "n", "-L", "2147483648b", "vg02/apache"),
                runner.commands().get(1).argv());
        assertEquals(List.of("lvremove", "--driverloaded", "n", "-f", "vg02/apache"), runner.commands().get(2).argv());
    }

    @Test
    void reportFromRedHatDocumentationParsesIntoRows() {
        // Human units (the default) rather than bytes: the rows parse, the typed sizes refuse politely.
        List<Map<String, String>> rows = LvmReportParser.rows(Samples.read("lvs-rhel-doc.json"), "lv");

        assertEquals(3, rows.size());
        assertEquals("-wi-ao----", rows.get(1).get("lv_attr"));
        assertEquals("rhel_host-075", rows.get(1).get("vg_name"));
        ToolOutputException e = assertThrows(ToolOutputException.class, () -> LvmReportParser.bytes(rows.get(1),
                "lv_size"));
        assertTrue(e.getMessage().contains("--units b --nosuffix"), e.getMessage());
    }

    @Test
    void vgdisplayIsPassedThrough() {
        RecordingCommandRunner runner = new RecordingCommandRunner().replySample(0, "vgdisplay.stdout", null)
                .replySample(5, null, "vgdisplay-notfound.stderr");
        LvmDriver driver = new LvmDriver(runner);

        assertTrue(driver.displayVolumeGroup("shelltestvg").contains("VG Name               shelltestvg"));
        LvmNotFoundException e = assertThrows(LvmNotFoundException.class, () -> driver.displayVolumeGroup("nosuchvg"));
        assertTrue(e.getMessage().contains("Volume group \"nosuchvg\" not found"), e.getMessage());
    }
}

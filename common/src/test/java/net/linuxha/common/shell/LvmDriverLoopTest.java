package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * LvmDriver against real LVM on a loop device. This kernel has no device-mapper, so the driver runs in its
 * metadata-only mode ({@code --driverloaded n}); reports, create, extend, reduce and remove are all real. Needs root.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LvmDriverLoopTest {

    private final ProcessCommandRunner runner = new ProcessCommandRunner();
    private final LvmDriver lvm = LvmDriver.withoutDeviceMapper(runner);
    private String loop;
    private String vg;

    @TempDir
    Path dir;

    @BeforeEach
    void makePhysicalVolume() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for loop devices");
        assumeTrue(Files.isExecutable(Path.of("/sbin/lvm")), "lvm2 not installed");
        Path image = dir.resolve("pv.img");
        runner.run(Command.of("truncate", "-s", "64M", image.toString())).orThrow();
        loop = runner.run(Command.of("losetup", "-f", "--show", image.toString())).orThrow().stdout().strip();
        vg = "shelltestvg" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
    }

    @AfterEach
    void cleanUp() {
        if (vg != null && lvm.volumeGroup(vg).isPresent()) {
            lvm.removeVolumeGroup(vg);
        }
        if (loop != null) {
            runner.run(Command.of("pvremove", "-q", loop).withEnv("LVM_SUPPRESS_FD_WARNINGS", "1"));
            runner.run(Command.of("losetup", "-d", loop));
        }
    }

    @Test
    void volumeGroupAndLogicalVolumesLifeCycle() {
        lvm.createPhysicalVolume(loop);
        lvm.createVolumeGroup(vg, List.of(loop));

        VolumeGroup group = lvm.volumeGroup(vg).orElseThrow();
        assertEquals(4L << 20, group.extentSizeBytes());
        assertEquals(group.sizeBytes(), group.freeBytes());
        assertTrue(lvm.physicalVolumes().stream().anyMatch(p -> p.device().equals(loop)
                && p.volumeGroup().equals(Optional.of(vg))));

        lvm.createLogicalVolume(vg, "apache", 8L << 20);
        LogicalVolume apache = lvm.logicalVolume(vg, "apache").orElseThrow();
        assertEquals(8L << 20, apache.sizeBytes());
        assertEquals("/dev/" + vg + "/apache", apache.path());

        lvm.extend(vg, "apache", 16L << 20);
        assertEquals(16L << 20, lvm.logicalVolume(vg, "apache").orElseThrow().sizeBytes());
        lvm.reduce(vg, "apache", 4L << 20);
        assertEquals(4L << 20, lvm.logicalVolume(vg, "apache").orElseThrow().sizeBytes());
        assertEquals(1, lvm.volumeGroup(vg).orElseThrow().logicalVolumeCount());
        assertTrue(lvm.displayVolumeGroup(vg).contains("Cur LV                1"));

        lvm.remove(vg, "apache");
        assertEquals(Optional.empty(), lvm.logicalVolume(vg, "apache"));
        assertEquals(List.of(), lvm.logicalVolumes(vg));
    }

    @Test
    void errorsAreTyped() {
        lvm.createPhysicalVolume(loop);
        lvm.createVolumeGroup(vg, List.of(loop));
        lvm.createLogicalVolume(vg, "data", 8L << 20);

        assertThrows(LvmNotFoundException.class, () -> lvm.extend(vg, "nosuch", 16L << 20));
        LvmException noSpace = assertThrows(LvmException.class, () -> lvm.extend(vg, "data", 1L << 30));
        assertTrue(noSpace.getMessage().contains("Insufficient free space"), noSpace.getMessage());
        LvmException exists = assertThrows(LvmException.class, () -> lvm.createLogicalVolume(vg, "data", 8L << 20));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
        assertEquals(Optional.empty(), lvm.volumeGroup("nosuchvg"));
        // Activation needs device-mapper, which this kernel lacks: the real error, with LVM's reason.
        LvmException activate = assertThrows(LvmException.class, () -> lvm.activate(vg, "data"));
        assertTrue(activate.getMessage().contains("Check that device-mapper is available in the kernel"),
                activate.getMessage());
    }
}

package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import net.linuxha.common.testing.Wait;

/** fsck, mount, fuser and umount of a real ext4 image on a loop device, in a directory with a space. Needs root. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MountDriverLoopTest {

    private final ProcessCommandRunner runner = new ProcessCommandRunner();
    private final MountDriver mounts = new MountDriver(runner);
    private String loop;
    private Path mountPoint;
    private BackgroundProcess user;

    @TempDir
    Path dir;

    @BeforeEach
    void makeFileSystem() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for loop devices and mounts");
        Path image = dir.resolve("fs.img");
        runner.run(Command.of("truncate", "-s", "16M", image.toString())).orThrow();
        runner.run(Command.of("mkfs.ext4", "-q", "-F", image.toString())).orThrow();
        loop = runner.run(Command.of("losetup", "-f", "--show", image.toString())).orThrow().stdout().strip();
        mountPoint = Files.createDirectory(dir.resolve("mnt dir"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (user != null) {
            user.killTree(Duration.ofMillis(200));
        }
        if (mountPoint != null && mounts.mountAt(mountPoint).isPresent()) {
            runner.run(Command.of("umount", "-l", mountPoint.toString()));
        }
        if (loop != null) {
            runner.run(Command.of("losetup", "-d", loop));
        }
    }

    @Test
    void cleanFileSystemIsCheckedMountedAndUnmounted() {
        FsckResult fsck = mounts.fsck(loop, Optional.of("ext4"));
        assertTrue(fsck.mountable(), fsck.describe());
        assertEquals(0, fsck.exitCode());

        mounts.mount(loop, mountPoint, "ext4", "rw");

        MountEntry entry = mounts.mountAt(mountPoint).orElseThrow();
        assertEquals(loop, entry.source());
        assertEquals("ext4", entry.fsType());
        assertFalse(entry.readOnly());
        assertEquals(MountDriver.UnmountOutcome.UNMOUNTED, mounts.unmount(mountPoint));
        assertEquals(MountDriver.UnmountOutcome.NOT_MOUNTED, mounts.unmount(mountPoint));
        assertEquals(Optional.empty(), mounts.mountAt(mountPoint));
    }

    @Test
    void busyMountIsReportedThenFreedByFuser() throws Exception {
        mounts.mount(loop, mountPoint, "ext4", "rw");
        Path log = dir.resolve("user.log");
        user = runner.start(BackgroundCommand.of(List.of("sleep", "100"), log, log).withWorkDir(mountPoint));
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> user.isAlive()));

        assertEquals(MountDriver.UnmountOutcome.BUSY, mounts.unmount(mountPoint));

        List<Long> killed = mounts.killUsers(mountPoint);
        assertTrue(killed.contains(user.pid()), "fuser reported " + killed);
        assertTrue(user.waitFor(Duration.ofSeconds(10)).isPresent());
        assertEquals(List.of(), mounts.killUsers(mountPoint), "nobody left to kill");
        assertEquals(MountDriver.UnmountOutcome.UNMOUNTED, mounts.unmount(mountPoint));
    }

    @Test
    void damagedSuperblockIsNotMountable() throws Exception {
        // Zero the primary superblock (offset 1024) through the loop device.
        runner.run(Command.of("dd", "if=/dev/zero", "of=" + loop, "bs=1024", "seek=1", "count=1", "conv=notrunc"))
                .orThrow();

        FsckResult fsck = mounts.fsck(loop, Optional.of("ext4"));

        assertFalse(fsck.mountable());
        assertTrue(fsck.flags().contains(FsckResult.Flag.OPERATIONAL_ERROR), fsck.describe());
        assertTrue(fsck.describe().contains("Bad magic number"), fsck.describe());
    }
}

package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** mountinfo, fsck, umount and fuser output captured on this machine, turned into typed results. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MountParsingTest {

    @Test
    void mountinfoWithEscapedSpaceAndOptionalFields() {
        List<MountEntry> mounts = MountInfoParser.parse(Samples.read("mountinfo.txt"));

        MountEntry loop = mounts.get(mounts.size() - 1);
        assertEquals("/tmp/shelltest-fs.lmUW/mnt dir", loop.mountPoint());
        assertEquals("ext4", loop.fsType());
        assertEquals("/dev/loop0", loop.source());
        assertEquals("7:0", loop.majorMinor());
        assertEquals(List.of(), loop.optionalFields());
        MountEntry netns = mounts.stream().filter(m -> m.mountPoint().equals("/run/netns")).findFirst().orElseThrow();
        assertEquals(List.of("shared:1"), netns.optionalFields());
        assertEquals("/run/netns", netns.root());
        MountEntry ro = mounts.stream().filter(m -> m.fsType().equals("tmpfs") && m.readOnly()).findFirst()
                .orElseThrow();
        assertTrue(ro.mountOptions().startsWith("ro,"));
    }

    @Test
    void allKernelEscapesAreDecoded() {
        assertEquals("a b\tc\nd\\e", MountInfoParser.unescape("a\\040b\\011c\\012d\\134e"));
        assertEquals("plain\\x", MountInfoParser.unescape("plain\\x"));
    }

    @Test
    void malformedLineIsAClearError() {
        assertThrows(ToolOutputException.class, () -> MountInfoParser.parseLine("22 27 0:21 / /proc rw"));
    }

    @Test
    void fsckExitCodesMapToTheStartDecision() {
        FsckResult clean = new FsckResult("/dev/drbd0", 0, Samples.read("fsck-clean.stdout"));
        FsckResult corrected = new FsckResult("/dev/drbd0", 1, "");
        FsckResult reboot = new FsckResult("/dev/drbd0", 3, "");
        FsckResult uncorrected = new FsckResult("/dev/drbd0", 4, "");
        FsckResult badSuperblock = new FsckResult("/dev/loop0", 8, Samples.read("fsck-badsb.stderr")
                + Samples.read("fsck-badsb.stdout"));

        assertTrue(clean.mountable());
        assertTrue(corrected.mountable());
        assertFalse(reboot.mountable());
        assertTrue(reboot.rebootRequired());
        assertEquals(Set.of(FsckResult.Flag.ERRORS_CORRECTED, FsckResult.Flag.REBOOT_REQUIRED), reboot.flags());
        assertFalse(uncorrected.mountable());
        assertEquals(Set.of(FsckResult.Flag.ERRORS_UNCORRECTED), uncorrected.flags());
        assertTrue(reboot.describe().contains("reboot the node"), reboot.describe());
        assertTrue(badSuperblock.describe().contains("Bad magic number"), badSuperblock.describe());
        assertTrue(badSuperblock.describe().contains("fsck /dev/loop0"), badSuperblock.describe());
    }

    @Test
    void fsckCommandLineAndResult() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replySample(8, "fsck-nodev.stdout", "fsck-nodev.stderr");

        FsckResult result = new MountDriver(runner).fsck("/dev/nosuchdev", Optional.of("ext4"));

        assertEquals(List.of("fsck", "-t", "ext4", "-a", "/dev/nosuchdev"), runner.lastArgv());
        assertEquals(Set.of(FsckResult.Flag.OPERATIONAL_ERROR), result.flags());
        assertTrue(result.output().contains("No such file or directory"));
    }

    @Test
    void unmountOutcomesFromRealMessages() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replySample(32, null, "umount-busy.stderr")
                .replySample(32, null, "umount-notmounted.stderr")
                .reply(0, "", "");
        MountDriver driver = new MountDriver(runner);
        Path dir = Path.of("/tmp/x y");

        assertEquals(MountDriver.UnmountOutcome.BUSY, driver.unmount(dir));
        assertEquals(MountDriver.UnmountOutcome.NOT_MOUNTED, driver.unmount(dir));
        assertEquals(MountDriver.UnmountOutcome.UNMOUNTED, driver.unmount(dir));
        assertEquals(List.of("umount", "/tmp/x y"), runner.lastArgv());
    }

    @Test
    void mountFailureSaysWhatToCheck() {
        RecordingCommandRunner runner = new RecordingCommandRunner().replySample(32, null, "mount-nodev.stderr");

        CommandFailedException e = assertThrows(CommandFailedException.class, () -> new MountDriver(runner)
                .mount("/dev/nosuchdev", Path.of("/apache"), "ext4", "rw"));

        assertTrue(e.getMessage().startsWith("Cannot mount /dev/nosuchdev (ext4) on /apache"), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(List.of("mount", "-t", "ext4", "-o", "rw", "/dev/nosuchdev", "/apache"), runner.lastArgv());
    }

    @Test
    void fuserPidsAndNoUsers() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replySample(0, "fuser-km.stdout", "fuser-km.stderr")
                .replySample(1, "fuser-km-none.stdout", "fuser-km-none.stderr");
        MountDriver driver = new MountDriver(runner);

        assertEquals(List.of(5442L), driver.killUsers(Path.of("/apache")));
        assertEquals(List.of(), driver.killUsers(Path.of("/apache")));
        assertEquals(List.of(12L, 345L), MountDriver.parseFuserPids("    12c   345"));
    }
}

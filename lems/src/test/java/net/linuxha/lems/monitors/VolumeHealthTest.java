package net.linuxha.lems.monitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.shell.DrbdResourceStatus;
import net.linuxha.common.shell.DrbdStatusParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How fsmon reads one volume: the recorded {@code drbdsetup status --json} samples of common's shell tests (lab
 * simulator and public output), and built records for the states no sample shows (failed disk, SyncTarget).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class VolumeHealthTest {

    static final Path SAMPLES = Path.of("../common/src/test/resources/shell");

    static DrbdResourceStatus sample(String file) throws IOException {
        return DrbdStatusParser.parse(Files.readString(SAMPLES.resolve(file))).get(0);
    }

    @Test
    void recordedSamples() throws IOException {
        VolumeHealth insync = VolumeHealth.of(Optional.of(sample("drbdsetup-status-sim-primary-insync.json")));
        assertEquals(VolumeHealth.State.IN_SYNC, insync.state());
        assertEquals(Optional.of(VolumeHealth.Flag.SYNC), insync.flag());

        VolumeHealth connecting = VolumeHealth.of(Optional.of(sample("drbdsetup-status-sim-disconnected.json")));
        assertEquals(VolumeHealth.State.REMOTE_STALE, connecting.state());
        assertEquals(Optional.of(VolumeHealth.Flag.UNSYNC_REMOTE), connecting.flag());
        assertFalse(connecting.resyncWanted(), "DRBD reconnects and resynchronises by itself while Connecting");

        VolumeHealth standAlone = VolumeHealth.of(Optional.of(
                sample("drbdsetup-status-sim-standalone-primary.json")));
        assertEquals(VolumeHealth.State.REMOTE_STALE, standAlone.state());
        assertTrue(standAlone.standAlone() && standAlone.resyncWanted());
        assertEquals(Optional.of("serverb"), standAlone.peerNode());
        assertEquals("remote-stale(StandAlone,8448KiB)", standAlone.describe());

        VolumeHealth syncing = VolumeHealth.of(Optional.of(sample("drbdsetup-status-syncsource.constructed.json")));
        assertEquals(VolumeHealth.State.SYNCING, syncing.state());
        assertFalse(syncing.resyncWanted());

        assertEquals(VolumeHealth.State.DOWN, VolumeHealth.of(Optional.empty()).state());
        assertEquals(Optional.empty(), VolumeHealth.of(Optional.empty()).flag());
    }

    private static DrbdResourceStatus built(String disk, String connection, String replication, long outOfSync) {
        return new DrbdResourceStatus("apache_vg_lv", 0, "Primary", false,
                List.of(new DrbdResourceStatus.Device(0, 0, disk, false, true, Optional.empty())),
                List.of(new DrbdResourceStatus.Connection(1, "serverb", connection, "Secondary",
                        List.of(new DrbdResourceStatus.PeerDevice(0, replication, "UpToDate", outOfSync, 100.0,
                                OptionalDouble.empty())))));
    }

    @Test
    void aFailedLocalDiskIsLocalInvalid() {
        VolumeHealth failed = VolumeHealth.of(Optional.of(built("Diskless", "Connected", "Established", 0)));
        assertEquals(VolumeHealth.State.DISK_FAILED, failed.state());
        assertEquals(Optional.of(VolumeHealth.Flag.UNSYNC_LOCAL), failed.flag());
    }

    @Test
    void aLocalCopyBeingSyncedIsLocalInvalidWithoutResync() {
        VolumeHealth target = VolumeHealth.of(Optional.of(built("Inconsistent", "Connected", "SyncTarget", 100)));
        assertEquals(VolumeHealth.State.LOCAL_STALE, target.state());
        assertFalse(target.resyncWanted());
        VolumeHealth stuck = VolumeHealth.of(Optional.of(built("Outdated", "Connected", "Established", 0)));
        assertTrue(stuck.resyncWanted());
    }

    @Test
    void connectedButOutOfSyncWithoutResyncAsksForOne() {
        VolumeHealth health = VolumeHealth.of(Optional.of(built("UpToDate", "Connected", "Established", 512)));
        assertEquals(VolumeHealth.State.REMOTE_STALE, health.state());
        assertTrue(health.resyncWanted() && health.peerConnected());
    }
}

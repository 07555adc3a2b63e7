package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** drbdsetup status --json and events2 output (see the samples README for sources), and drbd-utils' errors. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DrbdParsingTest {

    @Test
    void connectedPrimaryFromARealCapture() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replySample(0, "drbdsetup-status-primary.json", null);

        DrbdResourceStatus r = new DrbdDriver(runner).status("1-single-0").orElseThrow();

        assertEquals(List.of("drbdsetup", "status", "1-single-0", "--json"), runner.lastArgv());
        assertEquals("1-single-0", r.name());
        assertEquals(1, r.nodeId());
        assertTrue(r.isPrimary());
        assertFalse(r.suspended());
        assertEquals(new DrbdResourceStatus.Device(0, 2, "UpToDate", false, true, Optional.of(409600L)),
                r.device(0).orElseThrow());
        DrbdResourceStatus.Connection c = r.connections().get(0);
        assertEquals("Connected", c.connectionState());
        assertEquals("Secondary", c.peerRole());
        assertEquals("SLE15-sp1-gm-drbd1145296-node2", c.name());
        assertEquals(List.of(new DrbdResourceStatus.PeerDevice(0, "Established", "UpToDate", 0, 100.0,
                OptionalDouble.empty())), c.peerDevices());
    }

    @Test
    void resyncInProgressWithTwoVolumes() {
        List<DrbdResourceStatus> all =
                DrbdStatusParser.parse(Samples.read("drbdsetup-status-syncsource.constructed.json"));

        DrbdResourceStatus r = all.get(0);
        assertEquals(2, r.devices().size());
        assertEquals(Optional.empty(), r.device(1).orElseThrow().sizeKib(), "no statistics for volume 1");
        DrbdResourceStatus.PeerDevice syncing = r.connections().get(0).peerDevices().get(0);
        assertEquals("SyncSource", syncing.replicationState());
        assertEquals("Inconsistent", syncing.peerDiskState());
        assertEquals(434176L, syncing.outOfSyncKib());
        assertEquals(58.59, syncing.percentInSync(), 1e-9);
        assertEquals(OptionalDouble.of(58.59), syncing.percentResyncDone());
        assertEquals("DUnknown", r.connections().get(0).peerDevices().get(1).peerDiskState());
    }

    @Test
    void resourceNotInTheKernelIsEmpty() {
        RecordingCommandRunner runner = new RecordingCommandRunner().reply(10, "", "apache: No such resource\n");

        assertEquals(Optional.empty(), new DrbdDriver(runner).status("apache"));
    }

    @Test
    void missingKernelModuleIsExplained() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replySample(20, "drbdsetup-status-nomodule.stdout", "drbdsetup-status-nomodule.stderr");

        DrbdException e = assertThrows(DrbdException.class, () -> new DrbdDriver(runner).status());

        assertTrue(e.getMessage().contains("Failed to modprobe drbd"), e.getMessage());
        assertTrue(e.getMessage().contains("drbd kernel module is not available"), e.getMessage());
        assertFalse(e.getMessage().contains("sh: 1:"), "shell noise is dropped: " + e.getMessage());
    }

    @Test
    void drbdadmErrorsCarryItsWords() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replySample(1, "drbdadm-up-unknown.stdout", "drbdadm-up-unknown.stderr")
                .replySample(1, "drbdadm-up-nomodule.stdout", "drbdadm-up-nomodule.stderr");
        DrbdDriver driver = new DrbdDriver(runner, Optional.of(java.nio.file.Path.of("/etc/cluster/drbd.conf")));

        DrbdException unknown = assertThrows(DrbdException.class, () -> driver.up("nosuch"));
        assertTrue(unknown.getMessage().contains("'nosuch' not defined in your config"), unknown.getMessage());
        assertEquals(List.of("drbdadm", "-c", "/etc/cluster/drbd.conf", "up", "nosuch"), runner.lastArgv());

        DrbdException noModule = assertThrows(DrbdException.class, () -> driver.up("apache"));
        assertTrue(noModule.getMessage().contains("Command 'drbdsetup new-resource apache 0' terminated with exit "
                + "code 20"), noModule.getMessage());
    }

    @Test
    void events2WithStatisticsFromDrbdUtilsTests() {
        List<DrbdEvent> events = DrbdEventsParser.parse(Samples.read("drbdsetup-events2-statistics.txt"));

        assertTrue(events.get(0).endOfInitialState());
        assertEquals(11, events.size());
        DrbdEvent path = events.get(5);
        assertEquals("create", path.kind());
        assertEquals("path", path.object());
        assertEquals(Optional.of("ipv4:1.2.3.4:7789"), path.field("local"));
        DrbdEvent last = events.get(10);
        assertEquals("peer-device", last.object());
        assertEquals(Optional.of("some-resource"), last.resource());
        assertEquals(Optional.of("SyncSource"), last.field("replication"));
        assertEquals(Optional.of("2500"), last.field("out-of-sync"));
        assertEquals(Optional.of("37.50"), last.field("done"));
    }

    @Test
    void events2CurrentStateCommand() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replySample(0, "drbdsetup-events2-resource-exists.txt", null);

        List<DrbdEvent> events = new DrbdDriver(runner).currentEvents();

        assertEquals(List.of("drbdsetup", "events2", "--now", "--statistics"), runner.lastArgv());
        assertEquals("exists", events.get(0).kind());
        assertEquals(Optional.of("Secondary"), events.get(0).field("role"));
    }

    @Test
    void events2TimestampIsSkippedAndGarbageRejected() {
        DrbdEvent e = DrbdEventsParser.parseLine("2024-01-02T03:04:05.678901+01:00 change resource name:r0 "
                + "role:Primary");

        assertEquals("change", e.kind());
        assertEquals(Optional.of("Primary"), e.field("role"));
        assertThrows(ToolOutputException.class, () -> DrbdEventsParser.parseLine("change resource garbage"));
    }
}

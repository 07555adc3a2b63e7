package net.linuxha.common.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.linuxha.common.shell.DrbdResourceStatus;
import net.linuxha.common.shell.DrbdStatusParser;
import net.linuxha.common.storage.FileSystemState.SyncState;
import net.linuxha.common.storage.FileSystemState.Valid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * clstat -A's Valid/State/% Complete columns (11.3.1) from stored {@code drbdsetup status --json} output: the lab
 * simulator's captures, the public sample of a connected primary and the constructed resync sample (see
 * src/test/resources/shell/README.md).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FileSystemStatesTest {

    private static final FsMapEntry DOCS = new FsMapEntry("app01vg", "docs", Path.of("/app01/docs"), "ext4", "rw",
            20480);

    private static DrbdResourceStatus sample(String name) {
        try (InputStream in = FileSystemStatesTest.class.getResourceAsStream("/shell/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample /shell/" + name);
            }
            return DrbdStatusParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileSystemState state(String sample) {
        return FileSystemStates.of(DOCS, "app01_app01vg_docs", Optional.of(sample(sample)), Optional.empty());
    }

    @Test
    void connectedAndUpToDateOnBothIsBothSync() {
        FileSystemState sim = state("drbdsetup-status-sim-primary-insync.json");
        FileSystemState real = state("drbdsetup-status-primary.json");

        for (FileSystemState s : new FileSystemState[] {sim, real}) {
            assertEquals(Valid.BOTH, s.valid());
            assertEquals(SyncState.SYNC, s.state());
            assertTrue(s.inSync());
        }
        assertEquals("/app01/docs          both    drbd  Sync", sim.line());
    }

    @Test
    void primaryWithoutItsPeerIsLocalUnsync() {
        FileSystemState s = state("drbdsetup-status-sim-disconnected.json");

        assertEquals(Valid.LOCAL, s.valid());
        assertEquals(SyncState.UNSYNC, s.state());
    }

    @Test
    void splitBrainStandAloneIsLocalUnsync() {
        FileSystemState s = state("drbdsetup-status-sim-standalone-primary.json");

        assertEquals(Valid.LOCAL, s.valid());
        assertEquals(SyncState.UNSYNC, s.state());
        assertEquals(8448, FileSystemStates.outOfSyncKib(sample("drbdsetup-status-sim-standalone-primary.json")));
    }

    @Test
    void resyncSourceIsLocalSyncingWithPercentAndCompletion() {
        FileSystemState s = FileSystemStates.of(DOCS, "apache", Optional.of(sample(
                "drbdsetup-status-syncsource.constructed.json")), Optional.of(Duration.ofSeconds(252)));

        assertEquals(Valid.LOCAL, s.valid());
        assertEquals(SyncState.SYNCING, s.state());
        assertEquals(58.59, s.percent().getAsDouble(), 0.001);
        assertEquals("/app01/docs          local   drbd  Syncing  58.6 %     0:00:04:12", s.line());
    }

    @Test
    void resourceNotStartedHereIsDown() {
        FileSystemState s = FileSystemStates.of(DOCS, "app01_app01vg_docs", Optional.empty(), Optional.empty());

        assertEquals(Valid.UNKNOWN, s.valid());
        assertEquals(SyncState.DOWN, s.state());
    }
}

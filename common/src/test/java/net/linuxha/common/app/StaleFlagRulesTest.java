package net.linuxha.common.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which STALE flags a halt writes (Reference 22.4.2, 22.4.3), as a pure function of the remote node's state. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StaleFlagRulesTest {

    private static final List<FileSystemId> FS = List.of(new FileSystemId("app01vg", "admin"),
            new FileSystemId("app01vg", "logs"), new FileSystemId("app01vg", "docs"));

    @Test
    void remoteMissesUpdatesFlagsEveryFileSystemOnTheRemoteNode() {
        assertEquals(List.of("app01vg.admin.serverb.STALE", "app01vg.docs.serverb.STALE",
                "app01vg.logs.serverb.STALE"), StaleFlagRules.remoteMissesUpdates(FS, "serverb").fileNames());
        assertTrue(StaleFlagRules.remoteMissesUpdates(List.of(), "serverb").isEmpty());
    }

    @Test
    void cleanShutdownWritesNothingAndKeepsFlagsOfAnUnfinishedSync() {
        StaleFlags existing = StaleFlags.of(StaleFlag.of("app01vg", "logs", "serverb"));
        StaleFlagRules.HaltFlags halt = StaleFlagRules.onHalt(RemoteNodeStatus.CLUSTER_UP, FS, "serverb", existing);
        assertTrue(halt.local().isEmpty());
        assertFalse(halt.alsoRemote());
    }

    @Test
    void nonCleanShutdownWithRemoteDownWritesRemoteStaleFlagsLocallyOnly() {
        StaleFlags existing = StaleFlags.of(StaleFlag.of("app01vg", "logs", "serverb"),
                StaleFlag.of("app01vg", "admin", "servera"));
        for (RemoteNodeStatus state : List.of(RemoteNodeStatus.REMOTE_DOWN, RemoteNodeStatus.PING_ONLY)) {
            StaleFlagRules.HaltFlags halt = StaleFlagRules.onHalt(state, FS, "serverb", existing);
            assertEquals(List.of("app01vg.admin.serverb.STALE", "app01vg.docs.serverb.STALE"),
                    halt.local().write().fileNames(), state.name());
            assertTrue(halt.local().delete().isEmpty(), "a halt never clears flags: " + state);
            assertFalse(halt.alsoRemote(), state.name());
        }
    }

    @Test
    void shutdownWithoutReplicationChannelAlsoWritesTheFlagsOnTheRemoteOverSsh() {
        StaleFlagRules.HaltFlags halt = StaleFlagRules.onHalt(RemoteNodeStatus.NO_REPLICATION_CHANNEL, FS,
                "serverb", StaleFlags.none());
        assertEquals(3, halt.local().write().flags().size());
        assertTrue(halt.alsoRemote());
    }
}

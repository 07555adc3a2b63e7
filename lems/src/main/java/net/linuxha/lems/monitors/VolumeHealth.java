package net.linuxha.lems.monitors;

import java.util.Optional;
import java.util.Set;

import net.linuxha.common.shell.DrbdResourceStatus;

/**
 * What {@code fsmon} makes of one replicated volume (one DRBD 9 resource, {@code drbdsetup status --json}) on the
 * node running the application. Pure.
 *
 * <table>
 *   <caption>Classification</caption>
 *   <tr><th>drbdsetup says</th><th>state</th><th>flag</th><th>resync wanted</th></tr>
 *   <tr><td>resource not configured</td><td>DOWN</td><td>none</td><td>no</td></tr>
 *   <tr><td>local disk Diskless, Failed, Detaching</td><td>DISK_FAILED</td><td>invalid=local</td><td>no</td></tr>
 *   <tr><td>local disk Inconsistent, Outdated, ...</td><td>LOCAL_STALE</td><td>invalid=local</td>
 *       <td>when connected and not SyncTarget</td></tr>
 *   <tr><td>UpToDate, peer Connecting (DRBD retries by itself)</td><td>REMOTE_STALE</td><td>invalid=remote</td>
 *       <td>no</td></tr>
 *   <tr><td>UpToDate, StandAlone (DRBD gave up, e.g. after split brain)</td><td>REMOTE_STALE</td>
 *       <td>invalid=remote</td><td>yes, once the peer node is up</td></tr>
 *   <tr><td>UpToDate, Connected, SyncSource</td><td>SYNCING</td><td>invalid=remote</td><td>no</td></tr>
 *   <tr><td>UpToDate, Connected, Established, peer UpToDate, nothing out of sync</td><td>IN_SYNC</td>
 *       <td>sync</td><td>no</td></tr>
 *   <tr><td>UpToDate, Connected, otherwise (out of sync, peer Outdated, not syncing)</td><td>REMOTE_STALE</td>
 *       <td>invalid=remote</td><td>yes</td></tr>
 * </table>
 *
 * @param peerNode       the peer as DRBD names the connection (the node name), when there is a connection
 * @param peerConnected  the connection is {@code Connected}
 * @param standAlone     the connection is {@code StandAlone}: DRBD will not reconnect by itself
 * @param describe       short text for GET_VSTAT and logs, e.g. {@code remote-stale(StandAlone,8448KiB)}
 */
record VolumeHealth(State state, Optional<String> peerNode, boolean peerConnected, boolean standAlone,
                    boolean resyncWanted, String describe) {

    enum State { IN_SYNC, SYNCING, REMOTE_STALE, LOCAL_STALE, DISK_FAILED, DOWN }

    /** The flag cldaemon should hold for this state. */
    enum Flag {
        SYNC, UNSYNC_REMOTE, UNSYNC_LOCAL;

        String invalid() {
            return this == UNSYNC_LOCAL ? "local" : "remote";
        }
    }

    private static final Set<String> FAILED_DISKS = Set.of("Diskless", "Failed", "Detaching");
    private static final Set<String> SYNC_SOURCE = Set.of("SyncSource", "PausedSyncS", "WFBitMapS",
            "StartingSyncS", "Ahead");
    private static final Set<String> SYNC_TARGET = Set.of("SyncTarget", "PausedSyncT", "WFBitMapT",
            "StartingSyncT", "Behind");

    Optional<Flag> flag() {
        return switch (state) {
            case IN_SYNC -> Optional.of(Flag.SYNC);
            case SYNCING, REMOTE_STALE -> Optional.of(Flag.UNSYNC_REMOTE);
            case LOCAL_STALE, DISK_FAILED -> Optional.of(Flag.UNSYNC_LOCAL);
            case DOWN -> Optional.empty();
        };
    }

    static VolumeHealth of(Optional<DrbdResourceStatus> status) {
        if (status.isEmpty() || status.get().devices().isEmpty()) {
            return new VolumeHealth(State.DOWN, Optional.empty(), false, false, false, "down");
        }
        DrbdResourceStatus resource = status.get();
        DrbdResourceStatus.Device device = resource.devices().get(0);
        Optional<DrbdResourceStatus.Connection> connection = resource.connections().stream().findFirst();
        Optional<String> peer = connection.map(DrbdResourceStatus.Connection::name);
        String connState = connection.map(DrbdResourceStatus.Connection::connectionState).orElse("None");
        boolean connected = connState.equals("Connected");
        boolean standAlone = connState.equals("StandAlone") || connection.isEmpty();
        Optional<DrbdResourceStatus.PeerDevice> peerDevice = connection.flatMap(c -> c.peerDevices().stream()
                .filter(p -> p.volume() == device.volume()).findFirst());
        String replication = peerDevice.map(DrbdResourceStatus.PeerDevice::replicationState).orElse("Off");
        long outOfSync = peerDevice.map(DrbdResourceStatus.PeerDevice::outOfSyncKib).orElse(0L);
        String detail = "(" + (connected ? replication : connState) + "," + outOfSync + "KiB)";
        String disk = device.diskState();
        if (FAILED_DISKS.contains(disk) && !device.client()) {
            return new VolumeHealth(State.DISK_FAILED, peer, connected, standAlone, false,
                    "disk-failed(" + disk + ")");
        }
        if (!disk.equals("UpToDate")) {
            boolean syncing = connected && SYNC_TARGET.contains(replication);
            return new VolumeHealth(State.LOCAL_STALE, peer, connected, standAlone,
                    !syncing && (connected || standAlone), "local-stale(" + disk + "," + replication + ")");
        }
        if (!connected) {
            return new VolumeHealth(State.REMOTE_STALE, peer, false, standAlone, standAlone, "remote-stale" + detail);
        }
        if (SYNC_SOURCE.contains(replication)) {
            return new VolumeHealth(State.SYNCING, peer, true, false, false, "syncing" + detail);
        }
        boolean peerUpToDate = peerDevice.map(p -> p.peerDiskState().equals("UpToDate")).orElse(false);
        if (replication.equals("Established") && peerUpToDate && outOfSync == 0) {
            return new VolumeHealth(State.IN_SYNC, peer, true, false, false, "in-sync");
        }
        return new VolumeHealth(State.REMOTE_STALE, peer, true, false, true, "remote-stale" + detail);
    }
}

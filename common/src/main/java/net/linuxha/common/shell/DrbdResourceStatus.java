package net.linuxha.common.shell;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One resource of {@code drbdsetup status --json} (DRBD 9). Sizes in KiB as drbdsetup prints them.
 *
 * @param role {@code Primary}, {@code Secondary} or {@code Unknown}
 */
public record DrbdResourceStatus(String name, int nodeId, String role, boolean suspended, List<Device> devices,
                                 List<Connection> connections) {

    public DrbdResourceStatus {
        devices = List.copyOf(devices);
        connections = List.copyOf(connections);
    }

    /**
     * A local volume.
     *
     * @param diskState {@code UpToDate}, {@code Inconsistent}, {@code Outdated}, {@code Diskless}, ...
     * @param sizeKib   present when drbdsetup had statistics for the device
     */
    public record Device(int volume, int minor, String diskState, boolean client, boolean quorum,
                         Optional<Long> sizeKib) {
    }

    /**
     * The connection to one peer.
     *
     * @param connectionState {@code Connected}, {@code Connecting}, {@code StandAlone}, ...
     * @param peerRole        the peer's role as this node sees it
     */
    public record Connection(int peerNodeId, String name, String connectionState, String peerRole,
                             List<PeerDevice> peerDevices) {

        public Connection {
            peerDevices = List.copyOf(peerDevices);
        }
    }

    /**
     * One volume as replicated to one peer.
     *
     * @param replicationState  {@code Established}, {@code SyncSource}, {@code SyncTarget}, {@code Off}, ...
     * @param peerDiskState     the peer's disk state
     * @param outOfSyncKib      data this node knows differs from the peer
     * @param percentInSync     share of the device in sync with the peer
     * @param percentResyncDone progress of a running resync, when one runs
     */
    public record PeerDevice(int volume, String replicationState, String peerDiskState, long outOfSyncKib,
                             double percentInSync, OptionalDouble percentResyncDone) {
    }

    public boolean isPrimary() {
        return "Primary".equals(role);
    }

    public Optional<Device> device(int volume) {
        return devices.stream().filter(d -> d.volume() == volume).findFirst();
    }
}

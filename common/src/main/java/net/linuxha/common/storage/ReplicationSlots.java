package net.linuxha.common.storage;

/**
 * Where the port and DRBD minor of each replicated logical volume come from. clbuildapp backs it with the cluster's
 * resource pools ({@code /etc/cluster/.resources}, Reference 8.5: "Allocate the necessary port and DRBD devices");
 * the storage layer only asks.
 */
@FunctionalInterface
public interface ReplicationSlots {

    /**
     * The port (the same on both nodes) and minor ({@code /dev/drbd<minor>}) of one replicated logical volume.
     *
     * @throws IllegalStateException naming the application and volume when none is allocated
     */
    Slot slotFor(String application, String vg, String lv);

    /** A port from {@code global.portpool} and a minor below {@code global.maxblockdevs}. */
    record Slot(int port, int minor) {

        public Slot {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("DRBD port " + port + " is not a TCP port (1-65535)");
            }
            if (minor < 0 || minor > 1048575) {
                throw new IllegalArgumentException("DRBD minor " + minor + " is out of range (0-1048575)");
            }
        }
    }
}

package net.linuxha.cli.clbuildapp;

import java.util.Objects;

import net.linuxha.common.storage.FsMapEntry;

/**
 * A replicated file system of the application, as this build found it.
 *
 * @param entry  its fsmap line, with the logical volume's current size
 * @param source how it was found
 */
record FoundFileSystem(FsMapEntry entry, Source source) {

    /** How a file system was found (8.5: mounted logical volumes; 18: the fsmap of an application built before). */
    enum Source {
        /** Mounted here directly from its logical volume: a new file system, not replicated yet. */
        LOGICAL_VOLUME,
        /** Mounted here from its DRBD device: in the cluster already and running here. */
        DRBD,
        /** Not mounted; kept from the existing fsmap (off-line rebuild without --fsmap). */
        FSMAP
    }

    FoundFileSystem {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(source, "source");
    }
}

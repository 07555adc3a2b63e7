package net.linuxha.common.app;

import java.util.Objects;

/** A file system whose copies differ, and which way the data must flow once replication runs. */
public record SyncTask(FileSystemId fs, Direction direction) {

    public enum Direction {
        /** The local copy is good; the remote node's copy will be overwritten. */
        LOCAL_TO_REMOTE,
        /** The remote copy is good; the local copy will be overwritten. */
        REMOTE_TO_LOCAL
    }

    public SyncTask {
        Objects.requireNonNull(fs, "fs");
        Objects.requireNonNull(direction, "direction");
    }
}

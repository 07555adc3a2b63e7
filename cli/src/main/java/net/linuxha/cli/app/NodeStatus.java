package net.linuxha.cli.app;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import net.linuxha.common.app.FlagUpdate;
import net.linuxha.common.app.StatusSnapshot;
import net.linuxha.common.app.TimeFile;

/**
 * What one node's status directory for an application holds (Reference 22.4): its STALE flags and TIME, and
 * {@code LIVENODE}, the node this one last knew the application running on (22.4.3 "Removing LIVENODE control
 * files"), which decision 4 needs when the other node answers ping only.
 */
public record NodeStatus(StatusSnapshot snapshot, Optional<String> liveNode) {

    public NodeStatus {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(liveNode, "liveNode");
    }

    /** The file naming the node the application was last started on; removed when it stops cleanly. */
    public static final String LIVENODE = "LIVENODE";

    /** One node's status directory, read and changed on that node (this node's files, the peer's over ssh). */
    public interface Directory {

        /** Which node it is on. */
        String node();

        /** Reads it; a missing directory reads as empty (no flags, no TIME). */
        NodeStatus read() throws IOException;

        /** Creates and deletes STALE flags. */
        void apply(FlagUpdate update) throws IOException;

        /** Writes TIME (the application started now) and LIVENODE. */
        void recordStart(TimeFile time, String liveNode) throws IOException;

        /** Writes LIVENODE only (the other node's copy of where the application runs). */
        void recordLiveNode(String liveNode) throws IOException;

        /** Removes LIVENODE: the application stopped cleanly. */
        void clearLiveNode() throws IOException;
    }
}

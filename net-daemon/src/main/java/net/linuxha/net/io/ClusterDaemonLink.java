package net.linuxha.net.io;

import java.io.IOException;

/**
 * Tells the local cluster daemon (cldaemon) about networks that failed or came back on this node. To be implemented
 * on the wire protocol's client. cldaemon then decides whether applications using the network move to the other node
 * (Reference 5.6, 21.2.1).
 */
public interface ClusterDaemonLink {

    /** @throws IOException when cldaemon cannot be reached; the report is retried later */
    void networkDown(String network) throws IOException;

    /** @throws IOException when cldaemon cannot be reached; the report is retried later */
    void networkUp(String network) throws IOException;
}

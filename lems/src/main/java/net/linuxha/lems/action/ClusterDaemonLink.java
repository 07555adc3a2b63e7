package net.linuxha.lems.action;

import java.io.IOException;

/**
 * Lems' requests to the local cldaemon. The daemon's production implementation sends them over the wire protocol
 * to {@code global.port}; the wire package wires it.
 */
public interface ClusterDaemonLink {

    /** FAILOVER for the application: it is stopped here and started on the other node if the cluster allows. */
    void requestFailover(String application) throws IOException;

    /** Stop the application and do not start it on the other node (HALTAPP/STOPAPP). */
    void requestHalt(String application) throws IOException;
}

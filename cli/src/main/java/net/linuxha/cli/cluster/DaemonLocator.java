package net.linuxha.cli.cluster;

import java.net.InetSocketAddress;

import net.linuxha.common.cluster.ClusterSetup;

/**
 * Where a node's daemon listens. Production reaches this node's daemons over loopback and the other node's by its
 * name (clconf.xml node names resolve, 7.2.1); conversation tests point every node at a test daemon on 127.0.0.1.
 */
@FunctionalInterface
public interface DaemonLocator {

    /**
     * @param node           the node the daemon runs on
     * @param configuredPort the port clconf.xml gives (global.port, global.clnetdport)
     * @param local          whether {@code node} is this host
     */
    InetSocketAddress locate(String node, int configuredPort, boolean local);

    /** Loopback for this node, the node's name for the other. */
    static DaemonLocator network() {
        return (node, port, local) -> local ? ClusterSetup.localAddress(port) : ClusterSetup.address(node, port);
    }
}

package net.linuxha.cluster.daemon;

import java.time.Clock;
import java.util.List;

import net.linuxha.cluster.app.ApplicationActions;
import net.linuxha.cluster.app.ApplicationCatalog;
import net.linuxha.cluster.app.ApplicationRegistry;
import net.linuxha.cluster.net.LocalNetworks;
import net.linuxha.cluster.net.NetworkProber;
import net.linuxha.cluster.net.PeerLink;

/**
 * What the application side of the daemon shares: names, the registry, the I/O pieces, and a view of membership.
 *
 * @param clusterNodes the two nodes in clconf.xml order
 */
record DaemonView(String localNode, String peerNode, List<String> clusterNodes, Clock clock,
                  ApplicationRegistry registry, ApplicationCatalog catalog, ApplicationActions actions,
                  PeerLink peer, LocalNetworks localNetworks, NetworkProber prober, DaemonExecutors executors,
                  Membership membership) {
}

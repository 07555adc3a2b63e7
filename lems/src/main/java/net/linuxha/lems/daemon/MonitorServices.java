package net.linuxha.lems.daemon;

import java.util.Optional;

import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.shell.ArpingDriver;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.DrbdDriver;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.LinkState;
import net.linuxha.common.storage.DrbdFiles;
import net.linuxha.common.wire.WireClient;
import net.linuxha.lems.monitors.NetworkTroubles;
import net.linuxha.lems.spi.MonitorContext;

/**
 * The typed services a Lems offers its monitors ({@code MonitorContext.services()}): the validated clconf.xml
 * ({@link ClusterSetup}), the shell layer's drivers for addresses, links, gratuitous ARP and DRBD, the client of the
 * local cldaemon, and one {@link NetworkTroubles} board shared by the network modules of this Lems.
 */
public final class MonitorServices {

    private MonitorServices() {
    }

    /**
     * @param runner  starts every process the drivers need
     * @param cluster the local cldaemon ({@code ClusterSetup.localAddress(global.port)})
     */
    public static MonitorContext.Services of(ClusterSetup setup, CommandRunner runner, WireClient cluster) {
        return MonitorContext.Services.of(setup, new IpDriver(runner), new LinkState(), new ArpingDriver(runner),
                new DrbdDriver(runner, Optional.of(DrbdFiles.of(setup.paths()).topConfig())), cluster,
                new NetworkTroubles());
    }
}

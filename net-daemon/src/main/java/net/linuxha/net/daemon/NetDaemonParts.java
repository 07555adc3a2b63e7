package net.linuxha.net.daemon;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.LinkState;
import net.linuxha.common.wire.WireClient;
import net.linuxha.net.NetTimings;
import net.linuxha.net.io.AddressMover;
import net.linuxha.net.io.CardLinks;
import net.linuxha.net.io.ClusterDaemonLink;
import net.linuxha.net.io.LogSink;
import net.linuxha.net.io.TopologyReader;

/**
 * What a {@link NetDaemon} is made of: the decisions' timings and the I/O edges. {@link #shell} wires the production
 * ones (sysfs, {@code ip}, {@code arping}, the wire client of the local cldaemon); a test may run them inside a
 * network namespace by giving a prefixed command runner and that namespace's sysfs.
 *
 * @param scanInterval how often {@code ip -j addr} is read to notice addresses added or removed by others
 * @param resources    closed with the daemon, after its threads stopped
 */
public record NetDaemonParts(NetTimings timings, CardLinks links, AddressMover mover, ClusterDaemonLink cldaemon,
                             TopologyReader topology, AddressSource addresses, LogSink log, Clock clock,
                             Duration scanInterval, List<AutoCloseable> resources) {

    /** One second: an application alias added just before a cable pull is the one case it matters for. */
    public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofSeconds(1);

    public NetDaemonParts {
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(mover, "mover");
        Objects.requireNonNull(cldaemon, "cldaemon");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scanInterval, "scanInterval");
        resources = List.copyOf(resources);
    }

    /**
     * The production edges.
     *
     * @param runner    runs {@code ip} and {@code arping}
     * @param linkState the node's {@code /sys/class/net}
     * @param cldaemon  a client of the local cldaemon
     * @param log       where lines go; wrapped so the loop never waits for it
     */
    public static NetDaemonParts shell(NetTimings timings, ClconfTopologyReader.SetupSource setup, CommandRunner runner, LinkState linkState,
                                       WireClient cldaemon, LogSink log) {
        AsyncLogSink asyncLog = new AsyncLogSink(log);
        IpDriver ip = new IpDriver(runner);
        ExecutorService arps = Executors.newFixedThreadPool(4, NetDaemon.named("clnetd-arp"));
        CardLinks links = new SysfsCardLinks(linkState);
        WireClusterDaemonLink link = new WireClusterDaemonLink(cldaemon);
        return new NetDaemonParts(timings, links, new ShellAddressMover(runner, arps, asyncLog),
                link, new ClconfTopologyReader(setup, AddressSource.of(ip), links), AddressSource.of(ip), asyncLog,
                Clock.systemUTC(), DEFAULT_SCAN_INTERVAL, List.of(link, arps::shutdownNow, asyncLog));
    }
}

package net.linuxha.common.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code <network>} of appconf.xml (8.1, 14.6): the service addresses an application holds on a logical network
 * of the cluster, and the optional IP-level check of that network.
 *
 * @param net          the logical network (a {@code <network name>} of clconf.xml)
 * @param ips          one or more IPv4 service addresses
 * @param netmask      netmask for the addresses; empty means the network's default
 * @param broadcast    broadcast address; empty means the default
 * @param checklist    hosts or addresses pinged to check IP-level connectivity; empty disables the check
 * @param checkPercent percentage of the checklist that must answer, 0 to 100, default 100
 * @param pingType     echo type for the checklist; empty means clconf.xml's echotype
 * @param pingTimeout  time-out of one ping; empty means the default
 */
public record ApplicationNetwork(String net, List<String> ips, Optional<String> netmask, Optional<String> broadcast,
                                 List<String> checklist, int checkPercent, Optional<EchoType> pingType,
                                 Optional<Duration> pingTimeout) {

    public static final int DEFAULT_CHECK_PERCENT = 100;

    public ApplicationNetwork {
        Objects.requireNonNull(net, "net");
        ips = List.copyOf(ips);
        checklist = List.copyOf(checklist);
        if (ips.isEmpty()) {
            throw new IllegalArgumentException("network " + net + " needs at least one IP address");
        }
        if (checkPercent < 0 || checkPercent > 100) {
            throw new IllegalArgumentException("checkpercent must be 0..100: " + checkPercent);
        }
    }
}

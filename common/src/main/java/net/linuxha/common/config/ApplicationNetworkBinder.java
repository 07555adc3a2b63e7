package net.linuxha.common.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Binds {@code <networks>} of appconf.xml (8.1, 14.6): addresses, netmask, broadcast and the IP-level check. */
final class ApplicationNetworkBinder {

    private static final String NET = "the name of a network of clconf.xml, e.g. public";
    private static final String IPS = "one or more IPv4 addresses separated by commas, e.g. 172.16.177.200";

    private final Problems problems;
    private final Set<String> allIps = new HashSet<>();

    ApplicationNetworkBinder(Problems problems) {
        this.problems = problems;
    }

    List<ApplicationNetwork> bind(ConfigNode networks) {
        List<ApplicationNetwork> bound = new ArrayList<>();
        for (ConfigNode network : networks.children("network")) {
            network(network).ifPresent(bound::add);
        }
        return bound;
    }

    private Optional<ApplicationNetwork> network(ConfigNode network) {
        Optional<String> net = network.requiredAttribute("net", NET)
                .map(f -> Values.word(f, problems, NET));
        net.ifPresent(network::identify);
        List<String> ips = network.requiredAttribute("ip", IPS).map(this::ips).orElse(null);
        Optional<Field> netmaskField = network.attribute("netmask");
        String netmask = netmaskField.map(f -> Values.netmask(f, problems)).orElse(null);
        if (netmaskField.isEmpty()) {
            problems.warn(network.attributeLocation("netmask"), "is not set; the default netmask of the network's "
                    + "card will be used");
        }
        Optional<Field> broadcastField = network.attribute("broadcast");
        String broadcast = broadcastField.map(f -> Values.ipv4(f, problems)).orElse(null);
        List<String> checklist = network.attribute("checklist").map(this::checklist).orElse(List.of());
        Integer checkPercent = network.attribute("checkpercent").map(f -> Values.integerInRange(f, problems, 0, 100,
                "a percentage from 0 to 100 (0 turns IP checking off)"))
                .orElse(ApplicationNetwork.DEFAULT_CHECK_PERCENT);
        Optional<Field> pingTypeField = network.attribute("pingtype");
        EchoType pingType = pingTypeField.map(this::pingType).orElse(null);
        Optional<Field> pingTimeoutField = network.attribute("pingtimeout");
        Duration pingTimeout = pingTimeoutField.map(f -> Values.positiveSeconds(f, problems)).orElse(null);
        boolean ok = net.isPresent() && ips != null && (netmaskField.isEmpty() || netmask != null)
                && (broadcastField.isEmpty() || broadcast != null) && checklist != null && checkPercent != null
                && (pingTypeField.isEmpty() || pingType != null) && (pingTimeoutField.isEmpty() || pingTimeout != null);
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new ApplicationNetwork(net.get(), ips, Optional.ofNullable(netmask),
                Optional.ofNullable(broadcast), checklist, checkPercent, Optional.ofNullable(pingType),
                Optional.ofNullable(pingTimeout)));
    }

    private List<String> ips(Field field) {
        List<String> ips = Values.commaList(field.raw());
        if (ips.isEmpty()) {
            problems.badValue(field, IPS);
            return null;
        }
        boolean ok = true;
        for (String ip : ips) {
            if (!Values.isIpv4(ip)) {
                problems.error(field.location(), "address \"" + ip + "\" must be " + Values.IPV4);
                ok = false;
            } else if (!allIps.add(ip)) {
                problems.error(field.location(), "address \"" + ip + "\" is listed twice; list each service "
                        + "address once");
                ok = false;
            }
        }
        return ok ? ips : null;
    }

    private List<String> checklist(Field field) {
        List<String> hosts = Values.commaList(field.raw());
        boolean ok = true;
        for (String host : hosts) {
            if (!Values.hostnameOk(host)) {
                problems.error(field.location(), "host \"" + host + "\" must be a host name or an IPv4 address");
                ok = false;
            }
        }
        return ok ? hosts : null;
    }

    private EchoType pingType(Field field) {
        try {
            return EchoType.valueOf(field.raw().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.badValue(field, "icmp, udp or tcp");
            return null;
        }
    }
}

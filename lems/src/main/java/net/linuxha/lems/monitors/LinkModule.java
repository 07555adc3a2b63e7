package net.linuxha.lems.monitors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.LinkState;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.MonitorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code link_module [application]} (Reference 24.4.3, 8.2.3): link-level check of the cards holding the application's
 * service addresses. The card is found with {@code ip -j addr show}; its link is read from sysfs
 * ({@code /sys/class/net/CARD/carrier} and {@code operstate}). A card without carrier, or reported down, has lost its
 * link; a card whose driver does not report a carrier ({@code carrier} unreadable, operstate not down) counts as
 * fine, since the check is not supported there ("if supported", 24.4.3).
 *
 * <p>Return codes: 0 every card holding an address has a link; 1 a card lost its link or an address is on no card:
 * the addresses should move ({@code RUN move_ip}); RCDATA is the network's name (several: comma-separated), and the
 * network is left on the {@link NetworkTroubles} board for {@code ip_move_interface}. Detail: one line per address,
 * {@code network,address,card,up|lost} ({@code -} for the card when the address is on none).
 */
public final class LinkModule implements Monitor {

    private static final Logger LOG = LoggerFactory.getLogger(LinkModule.class);

    private final ApplicationNetworks application;
    private final IpDriver ip;
    private final LinkState links;
    private final Optional<NetworkTroubles> troubles;
    private final Map<String, String> last = new LinkedHashMap<>();

    LinkModule(ApplicationNetworks application, IpDriver ip, LinkState links, Optional<NetworkTroubles> troubles) {
        this.application = Objects.requireNonNull(application, "application");
        this.ip = Objects.requireNonNull(ip, "ip");
        this.links = Objects.requireNonNull(links, "links");
        this.troubles = Objects.requireNonNull(troubles, "troubles");
    }

    @Override
    public CheckResult check() {
        if (application.networks().isEmpty()) {
            return CheckResult.of(0);
        }
        Map<String, ApplicationNetworks.Held> held = ApplicationNetworks.holders(ip.addresses());
        Map<String, String> now = new LinkedHashMap<>();
        Set<String> failed = new LinkedHashSet<>();
        for (ApplicationNetworks.Network network : application.networks()) {
            for (String address : network.ips()) {
                ApplicationNetworks.Held holder = held.get(address);
                String key = network.name() + "," + address;
                if (holder == null) {
                    now.put(key, "-,lost");
                    failed.add(network.name());
                    troubles.ifPresent(t -> t.report(network.name(), NetworkTroubles.Kind.ADDRESS_MISSING));
                } else if (!hasLink(holder.card())) {
                    now.put(key, holder.card() + ",lost");
                    failed.add(network.name());
                    troubles.ifPresent(t -> t.report(network.name(), NetworkTroubles.Kind.LINK_LOST));
                } else {
                    now.put(key, holder.card() + ",up");
                }
            }
        }
        logChanges(now);
        return failed.isEmpty() ? CheckResult.of(0) : CheckResult.of(1, String.join(",", failed));
    }

    /** A link, or a card that cannot say (no carrier reporting): only a known loss counts. */
    static boolean hasLink(Optional<LinkState.CardState> state) {
        if (state.isEmpty()) {
            return false;
        }
        LinkState.CardState card = state.get();
        if (card.operState() == LinkState.OperState.DOWN || card.operState() == LinkState.OperState.LOWERLAYERDOWN
                || card.operState() == LinkState.OperState.NOTPRESENT) {
            return false;
        }
        return card.carrier() != LinkState.Carrier.ABSENT;
    }

    private boolean hasLink(String card) {
        return hasLink(links.read(card));
    }

    private void logChanges(Map<String, String> now) {
        synchronized (last) {
            now.forEach((key, state) -> {
                String before = last.get(key);
                if (!state.equals(before)) {
                    String[] where = key.split(",", 2);
                    String card = state.substring(0, state.indexOf(','));
                    if (state.endsWith(",lost")) {
                        LOG.warn("link_module: address {} of {} (network {}) has no link: card {}", where[1],
                                application.application(), where[0], card.equals("-") ? "none holds it" : card);
                    } else if (before != null) {
                        LOG.info("link_module: address {} of {} (network {}) is on card {} with a link", where[1],
                                application.application(), where[0], card);
                    }
                }
            });
            last.clear();
            last.putAll(now);
        }
    }

    @Override
    public String detail() {
        synchronized (last) {
            List<String> lines = new ArrayList<>();
            last.forEach((key, state) -> lines.add(key + "," + state));
            return String.join("\n", lines);
        }
    }

    /** Makes {@code link_module} monitors. */
    public static final class Factory implements MonitorFactory {
        @Override
        public String moduleName() {
            return "link_module";
        }

        @Override
        public Monitor create(List<String> arguments, MonitorContext context) throws MonitorCreationException {
            String app = NetworkModules.application(moduleName(), arguments, context);
            return new LinkModule(ApplicationNetworks.load(app, context, moduleName()),
                    RequiredServices.require(context, IpDriver.class, moduleName()),
                    RequiredServices.require(context, LinkState.class, moduleName()),
                    context.services().find(NetworkTroubles.class));
        }
    }
}

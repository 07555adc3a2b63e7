package net.linuxha.cli.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import net.linuxha.common.config.ApplicationNetwork;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.shell.ArpingDriver;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.IpAddress;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.IpInterface;
import net.linuxha.common.shell.ShellException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service addresses of an application on this node (Reference 11.1, 11.2, 11.4): the check that none is in use
 * anywhere before a start, adding them as labelled aliases with a gratuitous ARP, and removing them on a halt.
 */
public final class ServiceAddresses {

    /** Reference 11.2, word for word. */
    public static final List<String> IN_USE_LINES = List.of(
            "It appears that the IP address for this application is in use.",
            "Either the application is running already, or the configured",
            "IP address is not suitable.");

    /** Gratuitous ARPs sent after an address is added. */
    static final int ANNOUNCEMENTS = 2;
    /** Duplicate address probes per address before a start. */
    static final int PROBES = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ServiceAddresses.class);
    /** Runs the in-use pings and the announcements; each is bounded by its command timeout, daemon threads. */
    private static final Executor PINGS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "address-in-use-ping");
        t.setDaemon(true);
        return t;
    });

    private final IpDriver ip;
    private final ArpingDriver arping;
    private final CommandRunner runner;

    public ServiceAddresses(CommandRunner runner) {
        this(new IpDriver(runner), new ArpingDriver(runner), runner);
    }

    public ServiceAddresses(IpDriver ip, ArpingDriver arping, CommandRunner runner) {
        this.ip = Objects.requireNonNull(ip, "ip");
        this.arping = Objects.requireNonNull(arping, "arping");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Where each address would go now. */
    public List<ServiceAddress> plan(ClusterNode node, List<ApplicationNetwork> networks) {
        if (networks.isEmpty()) {
            return List.of();
        }
        return AddressPlanner.plan(node, networks, ip.addresses());
    }

    /** An address this node holds now, on whichever card. */
    public record Held(String card, IpAddress address) {
    }

    /** Which of {@code addresses} this node holds now. */
    public List<Held> held(List<String> addresses) {
        List<Held> held = new ArrayList<>();
        if (addresses.isEmpty()) {
            return held;
        }
        for (IpInterface card : ip.addresses()) {
            for (IpAddress a : card.ipv4Addresses()) {
                if (addresses.contains(a.address())) {
                    held.add(new Held(card.name(), a));
                }
            }
        }
        return held;
    }

    /**
     * The addresses that are in use already: held by this node, answering ARP on the card they would go to, or
     * answering ping (11.2). Each finding is logged as a WARN line naming the address and where it was seen.
     */
    public List<String> inUse(List<ServiceAddress> planned) {
        List<String> used = new ArrayList<>();
        List<String> addresses = planned.stream().map(ServiceAddress::address).toList();
        for (Held h : held(addresses)) {
            LOG.warn("IP address {} is already configured on card {} of this node", h.address().address(),
                    h.card());
            used.add(h.address().address());
        }
        for (ServiceAddress a : planned) {
            if (used.contains(a.address())) {
                continue;
            }
            // The ping runs while arping probes (each about a second), so the check costs the longer of the two.
            CompletableFuture<Boolean> ping = CompletableFuture.supplyAsync(() -> answersPing(a.address()), PINGS);
            if (arping.answeredByAnotherHost(a.card(), a.address(), PROBES)) {
                LOG.warn("IP address {} answers ARP on card {}: another host holds it", a.address(), a.card());
                used.add(a.address());
            } else if (ping.join()) {
                LOG.warn("IP address {} answers ping from this node", a.address());
                used.add(a.address());
            }
        }
        return used;
    }

    private boolean answersPing(String address) {
        return runner.run(Command.of("ping", "-n", "-q", "-c", "1", "-W", "1", address)
                .withTimeout(Duration.ofSeconds(5)).asProbe()).succeeded();
    }

    /** {@code ip addr add ... label card:n}, then gratuitous ARP (a failed ARP is only a warning). */
    public void add(ServiceAddress a) {
        addInBackground(a).join();
    }

    /**
     * {@code ip addr add ... label card:n} now; the gratuitous ARP (a failed ARP is only a warning) goes on in the
     * background and the result completes when it is done. arping sends its announcements a second apart, the first
     * at once, so the caller can go on (run the start script) instead of waiting those seconds.
     */
    public CompletableFuture<Void> addInBackground(ServiceAddress a) {
        LOG.info("Configuring {}: ip addr add {}/{} dev {} label {}", a.address(), a.address(), a.prefix(), a.card(),
                a.label());
        ip.addAddress(a.card(), a.address(), a.prefix(), a.broadcast(), Optional.of(a.label()));
        LOG.info("Sending Builtin Gratuitous arp for {}", a.label());
        return CompletableFuture.runAsync(() -> {
            try {
                arping.announce(a.card(), a.address(), ANNOUNCEMENTS);
            } catch (ShellException e) {
                LOG.warn("Gratuitous ARP for {} on {} failed ({}); clients may reach it only once their ARP caches "
                        + "expire", a.address(), a.card(), e.getMessage());
            }
        }, PINGS);
    }

    /** Removes every one of {@code addresses} this node holds; returns how many were removed. */
    public int remove(List<String> addresses) {
        int removed = 0;
        for (Held h : held(addresses)) {
            LOG.info("Removing {}: ip addr del {} dev {}", h.address().address(), h.address().cidr(), h.card());
            if (ip.deleteAddress(h.card(), h.address().address(), h.address().prefixLength())) {
                removed++;
            }
        }
        return removed;
    }
}

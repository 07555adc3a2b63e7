package net.linuxha.net;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The network daemon's decisions for every network of this node: routes each observation to the monitor of the
 * card's network and returns the actions to carry out. No threads and no clock inside: the daemon's I/O loop calls
 * {@link #process} with each observation and the time it was made, carries out the actions, feeds their results
 * back, and calls it with {@link NetEvent.Tick} at {@link #nextWakeup}.
 *
 * <p>Networks are independent: a failure in one never moves or reports anything of another.
 */
public final class NetDaemonCore {

    private final NetTimings timings;
    private final Map<String, NetworkMonitor> monitors = new LinkedHashMap<>();
    private final Map<String, String> networkOfCard = new HashMap<>();

    public NetDaemonCore(NetTimings timings) {
        this.timings = Objects.requireNonNull(timings, "timings").validate();
    }

    public NetTimings timings() {
        return timings;
    }

    /** The networks monitored, in the order they were read. */
    public List<String> networks() {
        return List.copyOf(monitors.keySet());
    }

    public Optional<NetworkMonitor> monitor(String network) {
        return Optional.ofNullable(monitors.get(network));
    }

    public List<NetAction> process(NetEvent event, Instant now) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(now, "now");
        if (event instanceof NetEvent.CarrierChanged carrier) {
            return onCard(carrier.card(), monitor -> monitor.carrier(carrier.card(), carrier.carrier(), now));
        } else if (event instanceof NetEvent.CarrierReadings readings) {
            return readings(readings.carrier(), now);
        } else if (event instanceof NetEvent.AddressAdded added) {
            return onCard(added.card(), monitor -> monitor.addressAdded(added.card(), added.address(), now));
        } else if (event instanceof NetEvent.AddressRemoved removed) {
            return onCard(removed.card(), monitor -> monitor.addressRemoved(removed.card(), removed.address(), now));
        } else if (event instanceof NetEvent.MoveFailed failed) {
            NetworkMonitor monitor = monitors.get(failed.move().network());
            if (monitor == null || !monitor.cards().contains(failed.move().to())
                    || !monitor.cards().contains(failed.move().from())) {
                return List.of(NetAction.Log.error("Failed to move IP addresses from " + failed.move().from() + " to "
                        + failed.move().to() + ": " + failed.detail() + " (network " + failed.move().network()
                        + " has been re-read since)"));
            }
            return monitor.moveFailed(failed.move(), failed.detail(), now);
        } else if (event instanceof NetEvent.NetworkRead read) {
            return restart(read.setup(), now);
        } else if (event instanceof NetEvent.TopologyRead topology) {
            return restartAll(topology.networks(), now);
        } else if (event instanceof NetEvent.Tick) {
            List<NetAction> out = new ArrayList<>();
            monitors.values().forEach(monitor -> out.addAll(monitor.tick(now)));
            return out;
        }
        throw new IllegalArgumentException("unknown network daemon event " + event);
    }

    /**
     * {@code REREAD} (Reference 21.2.1): restart monitoring of one network, or of all when {@code network} is empty,
     * with fresh card state (hold periods and use history forgotten). The answer is an action asking the I/O loop to
     * read clconf, the addresses and the carrier again; the result comes back as {@link NetEvent.NetworkRead} or
     * {@link NetEvent.TopologyRead}. A network not monitored yet is read too: clconf may have gained it.
     */
    public List<NetAction> reread(Optional<String> network) {
        return network.<List<NetAction>>map(name -> List.of(NetAction.Log.info("Re-reading network " + name),
                        new NetAction.RescanNetwork(name)))
                .orElseGet(() -> List.of(NetAction.Log.info("Re-reading all networks"),
                        new NetAction.RescanTopology()));
    }

    /**
     * The state of one network, or of all.
     *
     * @throws IllegalArgumentException naming the unknown network and the monitored ones
     */
    public List<NetworkStatus> status(Optional<String> network, Instant now) {
        if (network.isPresent()) {
            NetworkMonitor monitor = monitors.get(network.get());
            if (monitor == null) {
                throw new IllegalArgumentException("network " + network.get() + " is not monitored on this node; "
                        + "monitored networks: " + (monitors.isEmpty() ? "none" : String.join(", ",
                        monitors.keySet())) + " (use REREAD if it was added to clconf.xml)");
            }
            return List.of(monitor.status(now));
        }
        return monitors.values().stream().map(monitor -> monitor.status(now)).toList();
    }

    /** When the I/O loop must call {@link #process} next at the latest: the next poll or a pending deadline. */
    public Instant nextWakeup(Instant now) {
        Instant next = now.plus(timings.pollInterval());
        for (NetworkMonitor monitor : monitors.values()) {
            Optional<Instant> change = monitor.nextChange(now);
            if (change.isPresent() && change.get().isBefore(next)) {
                next = change.get();
            }
        }
        return next;
    }

    /** Every card monitored, network by network in clconf order, for the I/O loop's carrier polling. */
    public List<String> cards() {
        return monitors.values().stream().flatMap(monitor -> monitor.cards().stream()).toList();
    }

    private List<NetAction> onCard(String card, Function<NetworkMonitor, List<NetAction>> call) {
        String network = networkOfCard.get(card);
        if (network == null) {
            // Not a card of the topology: not ours to watch (Reference 7.2.1: unlisted interfaces are not monitored).
            return List.of();
        }
        return call.apply(monitors.get(network));
    }

    private List<NetAction> readings(Map<String, Boolean> carrier, Instant now) {
        Map<String, Map<String, Boolean>> byNetwork = new LinkedHashMap<>();
        carrier.forEach((card, up) -> {
            String network = networkOfCard.get(card);
            if (network != null) {
                byNetwork.computeIfAbsent(network, name -> new LinkedHashMap<>()).put(card, up);
            }
        });
        List<NetAction> out = new ArrayList<>();
        byNetwork.forEach((network, cards) -> out.addAll(monitors.get(network).carriers(cards, now)));
        return out;
    }

    private List<NetAction> restart(NetworkSetup setup, Instant now) {
        Optional<NetAction> clash = clash(setup);
        if (clash.isPresent()) {
            // The old monitor, if any, keeps running: a bad clconf must not stop the handling of card failures.
            return List.of(clash.get());
        }
        NetworkMonitor old = monitors.remove(setup.network());
        if (old != null) {
            old.cards().forEach(networkOfCard::remove);
        }
        return install(setup, old == null ? NetworkState.UP : old.state(), now);
    }

    private List<NetAction> restartAll(List<NetworkSetup> networks, Instant now) {
        List<NetAction> out = new ArrayList<>();
        List<String> keep = networks.stream().map(NetworkSetup::network).toList();
        Map<String, NetworkState> lastReported = new HashMap<>();
        monitors.forEach((name, monitor) -> {
            lastReported.put(name, monitor.state());
            if (!keep.contains(name)) {
                out.add(NetAction.Log.info("Network " + name + " is no longer in clconf.xml for this node - "
                        + "monitoring stopped"));
            }
        });
        // Forget every card owner first, so a card that moved from one network to another in clconf does not clash.
        monitors.clear();
        networkOfCard.clear();
        for (NetworkSetup setup : networks) {
            Optional<NetAction> clash = clash(setup);
            if (clash.isPresent()) {
                out.add(clash.get());
            } else {
                out.addAll(install(setup, lastReported.getOrDefault(setup.network(), NetworkState.UP), now));
            }
        }
        return out;
    }

    private Optional<NetAction> clash(NetworkSetup setup) {
        for (String card : setup.cards()) {
            String owner = networkOfCard.get(card);
            if (owner != null && !owner.equals(setup.network())) {
                return Optional.of(NetAction.Log.error("Cannot monitor network " + setup.network() + ": card "
                        + card + " already belongs to network " + owner + "; a card can only be part of one "
                        + "network - correct clconf.xml and run clnetdctl REREAD"));
            }
        }
        return Optional.empty();
    }

    private List<NetAction> install(NetworkSetup setup, NetworkState lastReported, Instant now) {
        NetworkMonitor monitor = new NetworkMonitor(setup, timings, lastReported);
        monitors.put(setup.network(), monitor);
        setup.cards().forEach(card -> networkOfCard.put(card, setup.network()));
        return monitor.start(now);
    }
}

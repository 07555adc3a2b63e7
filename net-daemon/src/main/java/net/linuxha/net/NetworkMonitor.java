package net.linuxha.net;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Link monitoring of one network on this node (Reference 5.6, 21.2.1): its cards, which of them hold the network's
 * addresses, and the decisions when a card loses its link. Not thread-safe; the daemon's I/O loop owns it through
 * {@link NetDaemonCore}. Every method takes the time of the observation and returns the actions to carry out.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>A card holding addresses that loses its carrier (for {@link NetTimings#lossConfirm()}, zero by default, so at
 * once) has all its addresses, static and aliases, moved to another card of the network, followed by a gratuitous ARP
 * for each. The target is chosen by {@link CardChooser}: usable, never used first, then least recently used.</li>
 * <li>A card that loses its carrier is faulty for the hold period and not chosen meanwhile; a card whose carrier came
 * back is not chosen until it has held it for the settle time. Addresses never move back because a card came back,
 * only because the card holding them failed. So a flapping card causes at most one move, never a ping-pong: by the
 * time it could be chosen again it has had a stable link for the settle time and its hold period is over.</li>
 * <li>When no card may take the addresses of a failed card, the network goes {@link NetworkState#DOWN} and cldaemon
 * is told once ({@link NetAction.ReportNetworkDown}). While down, the addresses move to the first card that becomes
 * usable, or stay where they are when their own card becomes usable again; then cldaemon is told the network is up.
 * A network without addresses is down when every card has lost its link, up when one is usable.</li>
 * </ul>
 */
public final class NetworkMonitor {

    private final String network;
    private final List<CardLink> links = new ArrayList<>();
    private final Map<String, CardLink> byCard = new LinkedHashMap<>();
    private final AddressBook book;
    private final NetTimings timings;
    private final NetworkSetup setup;
    private NetworkState state;

    /**
     * @param initialState the state cldaemon was last told: {@link NetworkState#UP} for a network never reported, the
     *                     old monitor's state on a restart, so the restart reports a change only if there is one
     */
    public NetworkMonitor(NetworkSetup setup, NetTimings timings, NetworkState initialState) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.network = setup.network();
        this.timings = Objects.requireNonNull(timings, "timings");
        this.state = Objects.requireNonNull(initialState, "initialState");
        for (String card : setup.cards()) {
            CardLink link = new CardLink(card);
            links.add(link);
            byCard.put(card, link);
        }
        this.book = new AddressBook(setup.cards(), setup.addresses());
    }

    public String network() {
        return network;
    }

    public List<String> cards() {
        return setup.cards();
    }

    public NetworkState state() {
        return state;
    }

    /** Starts monitoring: takes the carrier readings of the setup and acts on a card already without link. */
    public List<NetAction> start(Instant now) {
        List<NetAction> out = new ArrayList<>();
        setup.carrier().forEach((card, up) -> byCard.get(card).observe(up, now));
        for (CardLink link : links) {
            if (book.holds(link.card())) {
                link.markUsed(now);
            }
        }
        out.add(NetAction.Log.info("Monitoring network " + network + " - cards " + String.join(",", setup.cards())
                + "; " + describeAddresses()));
        reconcile(now, out);
        return out;
    }

    /** A carrier reading of one of this network's cards. */
    public List<NetAction> carrier(String card, boolean up, Instant now) {
        return carriers(Map.of(card, up), now);
    }

    /** Carrier readings of some of this network's cards taken together: all are recorded before deciding. */
    public List<NetAction> carriers(Map<String, Boolean> readings, Instant now) {
        List<NetAction> out = new ArrayList<>();
        boolean changed = false;
        for (Map.Entry<String, Boolean> reading : readings.entrySet()) {
            String card = reading.getKey();
            boolean up = reading.getValue();
            CardLink.Change change = link(card).observe(up, now);
            changed |= change != CardLink.Change.NONE;
            if (change == CardLink.Change.LOST || (change == CardLink.Change.FIRST && !up)) {
                out.add(NetAction.Log.warn("Link failure detected on card " + card + " (network " + network + ")"
                        + (book.holds(card) ? "" : " - no IP addresses on it to move")));
            } else if (change == CardLink.Change.RESTORED) {
                out.add(NetAction.Log.info("Link restored on card " + card + " (network " + network + ")"));
            }
        }
        if (!changed) {
            // Only a repeated state: a poll that changed nothing decides nothing.
            return List.of();
        }
        reconcile(now, out);
        return out;
    }

    /** An address was put on one of this network's cards, an application alias say: it moves with the card. */
    public List<NetAction> addressAdded(String card, CardAddress address, Instant now) {
        CardLink link = link(card);
        if (book.on(card).contains(address)) {
            // Already known there (an address scan repeats what it saw): nothing changed.
            return List.of();
        }
        if (!book.holds(card)) {
            link.markUsed(now);
        }
        book.add(card, address);
        List<NetAction> out = new ArrayList<>();
        out.add(NetAction.Log.info("IP address " + address + " now on card " + card + " (network " + network + ")"));
        reconcile(now, out);
        return out;
    }

    /** An address was taken off one of this network's cards. */
    public List<NetAction> addressRemoved(String card, String address, Instant now) {
        link(card);
        if (!book.remove(address)) {
            return List.of();
        }
        List<NetAction> out = new ArrayList<>();
        out.add(NetAction.Log.info("IP address " + address + " removed from card " + card + " (network " + network
                + ")"));
        reconcile(now, out);
        return out;
    }

    /**
     * A move this monitor asked for failed and the mover left the addresses on the old card: the target is marked
     * faulty and another card is tried.
     */
    public List<NetAction> moveFailed(NetAction.MoveAddresses move, String detail, Instant now) {
        CardLink target = link(move.to());
        link(move.from());
        move.added().forEach(address -> book.remove(address.address()));
        move.removed().forEach(address -> book.add(move.from(), address));
        target.markFailed(now);
        List<NetAction> out = new ArrayList<>();
        out.add(NetAction.Log.error("Failed to move IP addresses from " + move.from() + " to " + move.to()
                + " (network " + network + "): " + detail + " - card " + move.to() + " marked faulty for "
                + timings.holdPeriod().toSeconds() + " seconds"));
        reconcile(now, out);
        return out;
    }

    /** Time passed: a hold period, settle time or loss confirmation may have run out. */
    public List<NetAction> tick(Instant now) {
        List<NetAction> out = new ArrayList<>();
        reconcile(now, out);
        return out;
    }

    /** When this monitor next needs a {@link #tick} even without readings; empty when nothing is pending. */
    public Optional<Instant> nextChange(Instant now) {
        return links.stream().map(link -> link.nextChange(now, timings)).flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    public NetworkStatus status(Instant now) {
        List<CardStatus> cards = new ArrayList<>();
        for (CardLink link : links) {
            cards.add(new CardStatus(link.card(), link.carrier(), link.usable(now, timings),
                    link.heldFor(now, timings), link.failures(), link.lastUsed(), book.on(link.card())));
        }
        return new NetworkStatus(network, state, cards);
    }

    private void reconcile(Instant now, List<NetAction> out) {
        for (CardLink link : links) {
            if (book.holds(link.card()) && needsMove(link, now)) {
                CardChooser.choose(links, link.card(), now, timings).ifPresent(target -> move(link, target, now,
                        out));
            }
        }
        updateState(now, out);
    }

    /** Up: move off a card once its loss is confirmed. Down: move off any card that is not fully usable. */
    private boolean needsMove(CardLink link, Instant now) {
        return state == NetworkState.DOWN ? !link.usable(now, timings) : link.lossConfirmed(now, timings);
    }

    private void move(CardLink from, CardLink to, Instant now, List<NetAction> out) {
        List<CardAddress> removed = book.take(from.card());
        List<CardAddress> added = AddressLabels.relabel(removed, to.card(), book.on(to.card()));
        added.forEach(address -> book.add(to.card(), address));
        to.markUsed(now);
        out.add(new NetAction.MoveAddresses(network, from.card(), to.card(), removed, added));
        for (CardAddress address : added) {
            out.add(new NetAction.SendGratuitousArp(network, to.card(), address));
        }
        out.add(NetAction.Log.info("Moved " + added.size() + " IP address(es) from " + from.card() + " to "
                + to.card() + " (network " + network + "): " + join(added)));
    }

    private void updateState(Instant now, List<NetAction> out) {
        List<CardLink> holders = links.stream().filter(link -> book.holds(link.card())).toList();
        boolean down;
        boolean up;
        if (holders.isEmpty()) {
            down = links.stream().allMatch(link -> link.lossConfirmed(now, timings));
            up = links.stream().anyMatch(link -> link.usable(now, timings));
        } else {
            down = holders.stream().anyMatch(link -> link.lossConfirmed(now, timings));
            up = holders.stream().allMatch(link -> link.usable(now, timings));
        }
        if (state == NetworkState.UP && down) {
            state = NetworkState.DOWN;
            out.add(NetAction.Log.error("No alternative card available for network " + network + " ("
                    + whyNotUsable(now) + ") - informing cluster daemon that network " + network + " has failed"));
            out.add(new NetAction.ReportNetworkDown(network));
        } else if (state == NetworkState.DOWN && up) {
            state = NetworkState.UP;
            out.add(NetAction.Log.info("Network " + network + " available again (" + describeAddresses()
                    + ") - informing cluster daemon"));
            out.add(new NetAction.ReportNetworkUp(network));
        }
    }

    private String whyNotUsable(Instant now) {
        return links.stream().map(link -> link.card() + " " + why(link, now)).collect(Collectors.joining(", "));
    }

    private String why(CardLink link, Instant now) {
        if (link.carrier().isEmpty()) {
            return "link not read yet";
        }
        if (!link.hasCarrier()) {
            return "no link";
        }
        if (link.held(now, timings)) {
            return "faulty for another " + link.heldFor(now, timings).toSeconds() + " seconds";
        }
        if (!link.settled(now, timings)) {
            return "link not yet stable";
        }
        return "usable";
    }

    private String describeAddresses() {
        if (book.isEmpty()) {
            return "no IP addresses";
        }
        return links.stream().filter(link -> book.holds(link.card()))
                .map(link -> "on " + link.card() + ": " + join(book.on(link.card())))
                .collect(Collectors.joining("; "));
    }

    private static String join(List<CardAddress> addresses) {
        return addresses.stream().map(CardAddress::toString).collect(Collectors.joining(", "));
    }

    private CardLink link(String card) {
        CardLink link = byCard.get(card);
        if (link == null) {
            throw new IllegalArgumentException("card " + card + " is not part of network " + network + " (cards "
                    + String.join(",", setup.cards()) + ")");
        }
        return link;
    }
}

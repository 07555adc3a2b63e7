package net.linuxha.net;

import java.util.List;
import java.util.Objects;

/**
 * What the network daemon's decisions ask the outside world to do. The I/O loop carries them out in the order given:
 * a move's addresses first, then a gratuitous ARP for each, then the report to cldaemon.
 */
public sealed interface NetAction {

    /**
     * Move every address of {@code from} to {@code to}: add {@code added} on {@code to} (the same addresses, labelled
     * for the new card, static address first), then delete {@code removed} from {@code from}.
     */
    record MoveAddresses(String network, String from, String to, List<CardAddress> removed,
                         List<CardAddress> added) implements NetAction {
        public MoveAddresses {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            removed = List.copyOf(removed);
            added = List.copyOf(added);
            if (removed.size() != added.size()) {
                throw new IllegalArgumentException("a move must add as many addresses as it removes");
            }
        }
    }

    /** Announce {@code address} from {@code card} so switches and neighbours update their ARP tables (21.2.1). */
    record SendGratuitousArp(String network, String card, CardAddress address) implements NetAction {
        public SendGratuitousArp {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Tell cldaemon that {@code network} has failed on this node: no working card is left for its addresses. Whether
     * applications move to the other node is cldaemon's decision (only those using the network, only when the other
     * node is up and holds valid data, Reference 5.6).
     */
    record ReportNetworkDown(String network) implements NetAction {
        public ReportNetworkDown {
            Objects.requireNonNull(network, "network");
        }
    }

    /** Tell cldaemon that {@code network} works again on this node. */
    record ReportNetworkUp(String network) implements NetAction {
        public ReportNetworkUp {
            Objects.requireNonNull(network, "network");
        }
    }

    /**
     * Read {@code network}'s cards from clconf and their addresses and carrier again, and feed back a
     * {@link NetEvent.NetworkRead}.
     */
    record RescanNetwork(String network) implements NetAction {
        public RescanNetwork {
            Objects.requireNonNull(network, "network");
        }
    }

    /** Read every network of clconf again and feed back a {@link NetEvent.TopologyRead}. */
    record RescanTopology() implements NetAction {
    }

    /** A line for the network daemon's log, {@code clnetd-<cluster>.log}. */
    record Log(Level level, String text) implements NetAction {
        public Log {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(text, "text");
        }

        public static Log info(String text) {
            return new Log(Level.INFO, text);
        }

        public static Log warn(String text) {
            return new Log(Level.WARN, text);
        }

        public static Log error(String text) {
            return new Log(Level.ERROR, text);
        }
    }

    /** The levels of the Reference's log lines. */
    enum Level {
        INFO,
        WARN,
        ERROR
    }
}

package net.linuxha.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the network daemon observes: carrier readings (from polling or link events), address changes made by
 * {@code clstartapp} / {@code clhaltapp}, results of its own actions, and the passing of time. Each is handed to
 * {@link NetDaemonCore#process} with the time it was seen.
 */
public sealed interface NetEvent {

    /** A card's carrier as read now. Repeating the same state is fine: only changes count. */
    record CarrierChanged(String card, boolean carrier) implements NetEvent {
        public CarrierChanged {
            Objects.requireNonNull(card, "card");
        }
    }

    /**
     * The carrier of several cards read in one poll. Handled as one observation: every reading is taken before any
     * decision, so when a switch takes all cards of a network down at once the addresses are not first moved to a
     * card whose loss is only further down the same poll.
     *
     * @param carrier carrier per card, in the order read
     */
    record CarrierReadings(Map<String, Boolean> carrier) implements NetEvent {
        public CarrierReadings {
            carrier = Collections.unmodifiableMap(new LinkedHashMap<>(carrier));
        }
    }

    /** An address was put on a card (an application alias added by {@code clstartapp}, say). */
    record AddressAdded(String card, CardAddress address) implements NetEvent {
        public AddressAdded {
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(address, "address");
        }
    }

    /** An address was taken off a card (by {@code clhaltapp}, say). */
    record AddressRemoved(String card, String address) implements NetEvent {
        public AddressRemoved {
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Carrying out {@code move} failed. The mover's contract: it left the addresses on {@code move.from()} (it adds on
     * the target first and takes back what it added when an add fails).
     */
    record MoveFailed(NetAction.MoveAddresses move, String detail) implements NetEvent {
        public MoveFailed {
            Objects.requireNonNull(move, "move");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The answer to {@link NetAction.RescanNetwork}: monitoring of this network starts afresh. */
    record NetworkRead(NetworkSetup setup) implements NetEvent {
        public NetworkRead {
            Objects.requireNonNull(setup, "setup");
        }
    }

    /** The answer to {@link NetAction.RescanTopology}: every network of this node, as clconf now lists them. */
    record TopologyRead(List<NetworkSetup> networks) implements NetEvent {
        public TopologyRead {
            networks = List.copyOf(networks);
        }
    }

    /** Time passed; lets hold periods, settle times and loss confirmation run out without a new reading. */
    record Tick() implements NetEvent {
    }
}

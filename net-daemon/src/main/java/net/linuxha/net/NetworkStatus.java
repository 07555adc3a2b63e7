package net.linuxha.net;

import java.util.List;

/** One network as {@code NET_STATUS} shows it: its state and its cards in clconf order. */
public record NetworkStatus(String network, NetworkState state, List<CardStatus> cards) {

    public NetworkStatus {
        cards = List.copyOf(cards);
    }
}

package net.linuxha.net;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The text {@code clnetdctl} prints for {@code NET_STATUS}: one line per network, then one per card, as
 * {@code name=value} pairs a person can read and a script can split on spaces:
 *
 * <pre>
 * network=public state=UP cards=eth0,eth1
 *   card=eth0 network=public link=down role=active usable=no faulty_for=57s failures=1 last_used=3s_ago addresses=...
 *   card=eth1 network=public link=up role=standby usable=yes faulty_for=0s failures=0 last_used=never addresses=none
 * </pre>
 *
 * Addresses are written {@code address/prefix(label)} separated by commas. Times are ages, not clock times, so the
 * text reads the same whatever the node's time zone.
 */
public final class NetStatusText {

    private NetStatusText() {
    }

    public static String format(List<NetworkStatus> networks, Instant now) {
        if (networks.isEmpty()) {
            return "no networks monitored\n";
        }
        StringBuilder out = new StringBuilder();
        for (NetworkStatus network : networks) {
            out.append("network=").append(network.network()).append(" state=").append(network.state())
                    .append(" cards=").append(network.cards().stream().map(CardStatus::card)
                            .collect(Collectors.joining(","))).append('\n');
            for (CardStatus card : network.cards()) {
                out.append("  ").append(cardLine(network.network(), card, now)).append('\n');
            }
        }
        return out.toString();
    }

    static String cardLine(String network, CardStatus card, Instant now) {
        String link = card.carrier().map(up -> up ? "up" : "down").orElse("unknown");
        String lastUsed = card.lastUsed().map(at -> seconds(Duration.between(at, now)) + "_ago").orElse("never");
        String addresses = card.addresses().isEmpty() ? "none" : card.addresses().stream()
                .map(CardAddress::toString).collect(Collectors.joining(","));
        return "card=" + card.card() + " network=" + network + " link=" + link + " role="
                + (card.active() ? "active" : "standby") + " usable=" + (card.usable() ? "yes" : "no")
                + " faulty_for=" + seconds(card.heldFor()) + " failures=" + card.failures() + " last_used="
                + lastUsed + " addresses=" + addresses;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return (millis / 1000) + "s";
        }
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}

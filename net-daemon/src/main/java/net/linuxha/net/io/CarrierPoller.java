package net.linuxha.net.io;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import net.linuxha.net.NetAction;
import net.linuxha.net.NetEvent;

/**
 * Reads the carrier of every monitored card once (Reference 5.6: "typically 5 times a second"). A card that cannot be
 * read counts as having no link: it cannot carry addresses either. The read error is logged once per card until the
 * card can be read again, so a missing card does not fill the log 20 times a second.
 */
public final class CarrierPoller {

    private final CardLinks links;
    private final LogSink log;
    private final Set<String> unreadable = new HashSet<>();

    public CarrierPoller(CardLinks links, LogSink log) {
        this.links = Objects.requireNonNull(links, "links");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** One reading of every card in {@code cards}, as a single observation. */
    public NetEvent.CarrierReadings poll(List<String> cards) {
        Map<String, Boolean> readings = new LinkedHashMap<>();
        for (String card : cards) {
            boolean carrier;
            try {
                carrier = links.carrier(card);
                if (unreadable.remove(card)) {
                    log.log(NetAction.Log.info("Link state of card " + card + " can be read again"));
                }
            } catch (IOException e) {
                carrier = false;
                if (unreadable.add(card)) {
                    log.log(NetAction.Log.error("Cannot read the link state of card " + card + " (" + e.getMessage()
                            + ") - treating it as having no link; check that the card exists (ip link show " + card
                            + ")"));
                }
            }
            readings.put(card, carrier);
        }
        return new NetEvent.CarrierReadings(readings);
    }
}

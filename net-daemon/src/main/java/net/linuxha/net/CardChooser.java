package net.linuxha.net;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the card that takes over a network's addresses (Reference 5.6): a usable card (carrier up and settled, hold
 * period over) other than the one that failed; among those, one that has never been failed over to first, in the
 * order clconf lists the cards, then the one used longest ago.
 */
final class CardChooser {

    private static final Comparator<CardLink> NEVER_USED_THEN_LEAST_RECENT = Comparator.comparing(
            (CardLink link) -> link.lastUsed().orElse(Instant.MIN));

    private CardChooser() {
    }

    /**
     * @param links  the network's cards in clconf order
     * @param failed the card the addresses leave
     */
    static Optional<CardLink> choose(List<CardLink> links, String failed, Instant now, NetTimings timings) {
        // A stable sort keeps clconf order among cards never used (all Instant.MIN) and among equal times.
        return links.stream()
                .filter(link -> !link.card().equals(failed))
                .filter(link -> link.usable(now, timings))
                .sorted(NEVER_USED_THEN_LEAST_RECENT)
                .findFirst();
    }
}

package net.linuxha.common.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Carrier and operational state of a card from sysfs ({@code /sys/class/net/CARD/{carrier,operstate}}): file reads,
 * no process, cheap enough for the network daemon to poll every second (Reference 5.6, 8.2.3 link-level checking).
 */
public final class LinkState {

    /** Whether the card sees a link. */
    public enum Carrier {
        PRESENT,
        ABSENT,
        /** The kernel refuses to say (EINVAL while the card is administratively down). */
        UNKNOWN
    }

    /** RFC 2863 operational state as the kernel names it in lower case. */
    public enum OperState {
        UP, DOWN, UNKNOWN, DORMANT, TESTING, NOTPRESENT, LOWERLAYERDOWN;

        static OperState parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }
    }

    /** One reading of a card. */
    public record CardState(String card, Carrier carrier, OperState operState) {

        /** Usable for traffic: a carrier, and not reported down. */
        public boolean linkUp() {
            return carrier == Carrier.PRESENT && operState != OperState.DOWN
                    && operState != OperState.LOWERLAYERDOWN;
        }
    }

    private final Path sysClassNet;

    public LinkState() {
        this(Path.of("/sys/class/net"));
    }

    /** @param sysClassNet the directory holding one entry per card; a temporary tree in tests */
    public LinkState(Path sysClassNet) {
        this.sysClassNet = Objects.requireNonNull(sysClassNet, "sysClassNet");
    }

    /** The card's state, or empty when there is no such card. */
    public Optional<CardState> read(String card) {
        Path dir = sysClassNet.resolve(card);
        if (card.contains("/") || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Carrier carrier = switch (readFirstLine(dir.resolve("carrier")).orElse("")) {
            case "1" -> Carrier.PRESENT;
            case "0" -> Carrier.ABSENT;
            default -> Carrier.UNKNOWN;
        };
        OperState oper = readFirstLine(dir.resolve("operstate")).map(OperState::parse).orElse(OperState.UNKNOWN);
        return Optional.of(new CardState(card, carrier, oper));
    }

    /** Names of all cards the kernel knows. */
    public List<String> cards() {
        try (Stream<Path> entries = Files.list(sysClassNet)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new ShellException("Cannot list cards in " + sysClassNet + ": " + e.getMessage()
                    + "; is sysfs mounted?", e);
        }
    }

    private static Optional<String> readFirstLine(Path file) {
        try {
            return Optional.of(Files.readString(file).strip());
        } catch (IOException e) {
            // EINVAL from the kernel for a card that is down, or a missing file: not knowing is the answer.
            return Optional.empty();
        }
    }
}

package net.linuxha.net;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The network daemon's own {@code clnetdctl} requests, after the wire layer has decoded them into a word and its
 * arguments:
 *
 * <ul>
 * <li>{@code REREAD} or {@code REREAD network=NAME}: restart monitoring of every network, or of one, reading clconf,
 * the addresses and the carrier again (Reference 21.2.1). Answer {@code OK REREAD network=NAME} or
 * {@code OK REREAD networks=all}; the actions ask the I/O loop for the reads.</li>
 * <li>{@code NET_STATUS} or {@code NET_STATUS network=NAME}: answer {@code OK} followed by {@link NetStatusText}.</li>
 * </ul>
 *
 * Bad requests are answered {@code ERROR <what is wrong and how to ask>}. {@code VERBOSE} and {@code LOGCYCLE} are
 * common to every daemon and handled with {@code net.linuxha.common.log.LogRequests}.
 */
public final class NetControl {

    /** The answer text and the actions to carry out. */
    public record Answer(String text, List<NetAction> actions) {
        public Answer {
            Objects.requireNonNull(text, "text");
            actions = List.copyOf(actions);
        }

        static Answer error(String text) {
            return new Answer("ERROR " + text, List.of());
        }
    }

    private final NetDaemonCore core;

    public NetControl(NetDaemonCore core) {
        this.core = Objects.requireNonNull(core, "core");
    }

    /** Whether {@code verb} is one of the requests answered here. */
    public static boolean handles(String verb) {
        String upper = verb.toUpperCase(Locale.ROOT);
        return upper.equals("REREAD") || upper.equals("NET_STATUS");
    }

    public Answer handle(String verb, List<String> arguments, Instant now) {
        String upper = verb.toUpperCase(Locale.ROOT);
        Optional<String> network;
        try {
            network = networkArgument(upper, arguments);
        } catch (IllegalArgumentException e) {
            return Answer.error(e.getMessage());
        }
        if (upper.equals("REREAD")) {
            return new Answer("OK REREAD " + network.map(name -> "network=" + name).orElse("networks=all"),
                    core.reread(network));
        }
        if (upper.equals("NET_STATUS")) {
            try {
                return new Answer("OK\n" + NetStatusText.format(core.status(network, now), now), List.of());
            } catch (IllegalArgumentException e) {
                return Answer.error(e.getMessage());
            }
        }
        return Answer.error("unknown request " + verb + "; the network daemon understands REREAD [network=NAME], "
                + "NET_STATUS [network=NAME], VERBOSE and LOGCYCLE");
    }

    /** The optional {@code network=NAME} argument; anything else is refused with the form expected. */
    static Optional<String> networkArgument(String verb, List<String> arguments) {
        Optional<String> network = Optional.empty();
        for (String argument : arguments) {
            if (argument.toLowerCase(Locale.ROOT).startsWith("network=")
                    && argument.length() > "network=".length() && network.isEmpty()) {
                network = Optional.of(argument.substring("network=".length()));
            } else {
                throw new IllegalArgumentException(verb + " takes at most one argument, network=NAME (e.g. " + verb
                        + " network=public), not '" + argument + "'");
            }
        }
        return network;
    }
}

package net.linuxha.lems.server;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.log.LogRequests;

/**
 * The requests a Lems daemon understands (Reference 24.5), as sent by {@code lemsctl --msg "..."}, cldaemon and
 * clstat. {@link #parse(String)} turns a request line into one of these records.
 */
public sealed interface LemsRequest {

    /** {@code GET_STAT [monitor]}. */
    record GetStat(Optional<String> monitor) implements LemsRequest {
    }

    /** {@code GET_VSTAT [monitor]}. */
    record GetVerboseStat(Optional<String> monitor) implements LemsRequest {
    }

    /** {@code CMD monitor text}. */
    record Command(String monitor, String text) implements LemsRequest {
    }

    /** {@code PAUSE [monitor]}. */
    record Pause(Optional<String> monitor) implements LemsRequest {
    }

    /** {@code RESUME [monitor]}. */
    record Resume(Optional<String> monitor) implements LemsRequest {
    }

    /** {@code REMOVE monitor}. */
    record Remove(String monitor) implements LemsRequest {
    }

    /** {@code INSTALL monitor}. */
    record Install(String monitor) implements LemsRequest {
    }

    /** {@code ABORT}. */
    record Abort() implements LemsRequest {
    }

    /** {@code VERBOSE ON|OFF}. */
    record Verbose(boolean on) implements LemsRequest {
    }

    /** {@code LOGCYCLE N}. */
    record LogCycle(int keep) implements LemsRequest {
    }

    /**
     * Parses a request line; the keyword is case-insensitive.
     *
     * @throws IllegalArgumentException with a message fit to send back: what was wrong and the accepted form
     */
    static LemsRequest parse(String line) {
        Objects.requireNonNull(line, "line");
        String trimmed = line.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty request; " + Forms.ALL);
        }
        List<String> words = Arrays.asList(trimmed.split("\\s+"));
        String keyword = words.get(0).toUpperCase(Locale.ROOT);
        List<String> args = words.subList(1, words.size());
        return switch (keyword) {
            case "GET_STAT" -> new GetStat(optionalName(keyword, args));
            case "GET_VSTAT" -> new GetVerboseStat(optionalName(keyword, args));
            case "CMD" -> command(trimmed, args);
            case "PAUSE" -> new Pause(optionalName(keyword, args));
            case "RESUME" -> new Resume(optionalName(keyword, args));
            case "REMOVE" -> new Remove(requiredName(keyword, args));
            case "INSTALL" -> new Install(requiredName(keyword, args));
            case "ABORT" -> {
                if (!args.isEmpty()) {
                    throw new IllegalArgumentException("ABORT takes no arguments");
                }
                yield new Abort();
            }
            case "VERBOSE" -> new Verbose(LogRequests.verbose(args));
            case "LOGCYCLE" -> new LogCycle(LogRequests.cycleCount(args));
            case "RESET", "MAXCOUNT" -> throw new IllegalArgumentException(keyword + " is a process monitor "
                    + "command; send it to the monitor: CMD <monitor> " + trimmed);
            default -> throw new IllegalArgumentException("unknown request " + words.get(0) + "; " + Forms.ALL);
        };
    }

    private static Optional<String> optionalName(String keyword, List<String> args) {
        if (args.size() > 1) {
            throw new IllegalArgumentException(keyword + " takes at most one monitor name: " + keyword
                    + " [monitor]");
        }
        return args.stream().findFirst();
    }

    private static String requiredName(String keyword, List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException(keyword + " needs one monitor name: " + keyword + " monitor");
        }
        return args.get(0);
    }

    private static Command command(String line, List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("CMD needs a monitor name and the text for it: CMD monitor text");
        }
        // The text is passed on as written after the monitor name, inner spacing included.
        String afterKeyword = line.substring(line.indexOf(args.get(0), 3) + args.get(0).length()).trim();
        return new Command(args.get(0), afterKeyword);
    }

    /** The accepted forms, for error answers. */
    final class Forms {
        static final String ALL = "requests are GET_STAT [monitor], GET_VSTAT [monitor], CMD monitor text, "
                + "PAUSE [monitor], RESUME [monitor], REMOVE monitor, INSTALL monitor, ABORT, VERBOSE ON|OFF, "
                + "LOGCYCLE N";

        private Forms() {
        }
    }
}

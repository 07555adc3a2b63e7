package net.linuxha.common.log;

import java.util.List;
import java.util.Locale;

/**
 * The arguments of the {@code VERBOSE} and {@code LOGCYCLE} requests, in both forms the Reference uses:
 * Lems' positional words ({@code VERBOSE OFF}, {@code LOGCYCLE 5}, 16.8) and cldaemon's {@code name=value} pairs
 * ({@code VERBOSE off=true}, {@code VERBOSE on=true forward=yes}, {@code LOGCYCLE count=3 forward=yes}, 17.1.3).
 * Other pairs (such as {@code forward=yes}) are the caller's business and are ignored here. A bad argument raises
 * {@link IllegalArgumentException} with a message a daemon can send back as its error answer.
 */
public final class LogRequests {

    private LogRequests() {
    }

    /**
     * Whether {@code VERBOSE} asks for verbose logging: {@code ON} / {@code OFF} or {@code on=true} /
     * {@code off=true} (any case).
     */
    public static boolean verbose(List<String> arguments) {
        Boolean wanted = null;
        for (String argument : arguments) {
            String word = argument.toLowerCase(Locale.ROOT);
            Boolean choice = switch (word) {
                case "on", "on=true", "on=yes", "on=1", "off=false" -> Boolean.TRUE;
                case "off", "off=true", "off=yes", "off=1", "on=false" -> Boolean.FALSE;
                default -> null;
            };
            if (choice != null) {
                if (wanted != null && !wanted.equals(choice)) {
                    throw new IllegalArgumentException("VERBOSE was given both on and off; give one: VERBOSE ON, "
                            + "VERBOSE OFF, VERBOSE on=true or VERBOSE off=true");
                }
                wanted = choice;
            }
        }
        if (wanted == null) {
            throw new IllegalArgumentException("VERBOSE needs ON or OFF (or on=true / off=true), got "
                    + (arguments.isEmpty() ? "nothing" : String.join(" ", arguments)));
        }
        return wanted;
    }

    /** The count of {@code LOGCYCLE}: {@code LOGCYCLE 5} or {@code LOGCYCLE count=5}, from 1 to 99. */
    public static int cycleCount(List<String> arguments) {
        String value = null;
        for (String argument : arguments) {
            String lower = argument.toLowerCase(Locale.ROOT);
            if (lower.startsWith("count=")) {
                value = argument.substring("count=".length());
            } else if (!argument.contains("=") && value == null) {
                value = argument;
            }
        }
        if (value == null) {
            throw new IllegalArgumentException("LOGCYCLE needs the number of old logs to keep, from 1 to 99: "
                    + "LOGCYCLE 5 or LOGCYCLE count=5");
        }
        int count;
        try {
            count = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LOGCYCLE count must be a number from 1 to 99, not '" + value + "'",
                    e);
        }
        return LogCycler.checkCount(count);
    }

    /** cldaemon's answer to {@code VERBOSE} (17.1.3): {@code OK LOGGING=ON} or {@code OK LOGGING=OFF}. */
    public static String verboseAnswer(boolean verbose) {
        return verbose ? "OK LOGGING=ON" : "OK LOGGING=OFF";
    }
}

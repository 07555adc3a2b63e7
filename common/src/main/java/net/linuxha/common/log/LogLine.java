package net.linuxha.common.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The Reference's log line: {@code LEVEL dd/mm/yyyy hh:mm:ss text}, e.g.
 * {@code INFO 08/07/2005 05:04:19 Checking node section details}.
 *
 * <p>One space separates the level, the date, the time and the text; the level is not padded (the Reference's samples
 * show {@code INFO 07/06/2005 06:24:21 ...} and {@code ERROR 07/06/2005 06:24:21 ...} with a single space each).
 * A message of several lines becomes several log lines, each with its own prefix, as the Reference's tools print a
 * long error ({@code ERROR 08/07/2005 05:08:25 The cluster configuration file} / {@code ERROR 08/07/2005 05:08:25
 * /etc/cluster/clconf.xml appears to have been changed} ...). That keeps every line of a log greppable by level.
 */
public final class LogLine {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT);

    private LogLine() {
    }

    /** The date and time part, {@code dd/mm/yyyy hh:mm:ss}, of {@code instant} in {@code zone}. */
    public static String stamp(Instant instant, ZoneId zone) {
        return STAMP.format(instant.atZone(zone));
    }

    /**
     * Formats {@code message} as one or more complete lines, each ending in a line feed.
     *
     * @param level the level word as the Reference writes it: {@code INFO}, {@code WARN}, {@code ERROR} (or
     *              {@code DEBUG})
     */
    public static String format(String level, Instant instant, ZoneId zone, String message) {
        Objects.requireNonNull(level, "level");
        String prefix = level + " " + stamp(instant, zone) + " ";
        StringBuilder out = new StringBuilder(prefix.length() + 80);
        appendLines(out, prefix, message == null ? "null" : message);
        return out.toString();
    }

    /** Appends {@code text} to {@code out}, one {@code prefix}ed line per line of text (CR LF, LF or CR). */
    static void appendLines(StringBuilder out, String prefix, String text) {
        int start = 0;
        int length = text.length();
        while (true) {
            int end = start;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (end == start) {
                // An empty line is written as the bare prefix, without a trailing space (Reference 7.2.6 sample).
                out.append(prefix, 0, prefix.length() - 1).append('\n');
            } else {
                out.append(prefix).append(text, start, end).append('\n');
            }
            if (end >= length) {
                return;
            }
            if (text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
            if (start >= length) {
                return;
            }
        }
    }
}

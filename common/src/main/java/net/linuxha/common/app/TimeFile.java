package net.linuxha.common.app;

import java.time.Instant;
import java.util.Objects;

/**
 * The content of an application's {@code TIME} file: the UNIX time (seconds since 1970-01-01 UTC) at which the
 * application was last started on that node (Reference 5.3, 22.4). When the nodes' STALE flags disagree, the flags
 * of the node with the more recent TIME are believed.
 */
public record TimeFile(long epochSeconds) implements Comparable<TimeFile> {

    public static final String FILE_NAME = "TIME";

    public TimeFile {
        if (epochSeconds < 0) {
            throw new IllegalArgumentException("TIME value " + epochSeconds + " is before 1970");
        }
    }

    public static TimeFile of(Instant startedAt) {
        return new TimeFile(startedAt.getEpochSecond());
    }

    /**
     * Parses the file's content: decimal seconds, surrounding white space (a trailing newline) allowed.
     *
     * @param source names the file in the error message, e.g. its path and node
     */
    public static TimeFile parse(String content, String source) {
        Objects.requireNonNull(content, "content");
        String text = content.strip();
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            throw new IllegalArgumentException("TIME file " + source + " holds '" + shown
                    + "', not a UNIX time in seconds; remove it (the application's next start rewrites it)");
        }
        return new TimeFile(Long.parseLong(text));
    }

    /** The file's content as written: the seconds and a newline. */
    public String format() {
        return epochSeconds + "\n";
    }

    public Instant instant() {
        return Instant.ofEpochSecond(epochSeconds);
    }

    public boolean isAfter(TimeFile other) {
        return epochSeconds > other.epochSeconds;
    }

    @Override
    public int compareTo(TimeFile o) {
        return Long.compare(epochSeconds, o.epochSeconds);
    }
}

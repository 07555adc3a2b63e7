package net.linuxha.cluster.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Pure: how often the cluster daemon may start a dead Lems again for one application: at most {@link #MAX} starts
 * in any {@link #WINDOW}. A Lems that dies straight after every start (a broken lems.local.xml, a module that
 * crashes it) is then left dead, with one ERROR, instead of being started every few seconds forever; once the
 * oldest start leaves the window, starting it is allowed again.
 */
final class LemsRestarts {

    static final int MAX = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final int max;
    private final Duration window;
    private final Map<String, Deque<Instant>> starts = new HashMap<>();

    LemsRestarts() {
        this(MAX, WINDOW);
    }

    LemsRestarts(int max, Duration window) {
        this.max = max;
        this.window = window;
    }

    /** Whether {@code application}'s Lems may be started at {@code now}; an allowed start is counted. */
    boolean allow(String application, Instant now) {
        Deque<Instant> recent = starts.computeIfAbsent(application, a -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= max) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    /** When the next start of {@code application}'s Lems is allowed, for the log line. */
    Instant nextAllowed(String application) {
        Deque<Instant> recent = starts.get(application);
        return recent == null || recent.isEmpty() ? Instant.MIN : recent.peekFirst().plus(window);
    }
}

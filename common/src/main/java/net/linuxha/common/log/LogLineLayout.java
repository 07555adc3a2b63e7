package net.linuxha.common.log;

import java.time.Clock;
import java.util.Objects;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * Logback layout for the Reference's line format ({@link LogLine}): {@code INFO dd/mm/yyyy hh:mm:ss text}.
 *
 * <p>Lines are stamped by the layout's {@link Clock} when the event is formatted. Our appender formats in the
 * thread that logs, at the moment it logs, so this is the event's time; taking it from an injected clock lets a test
 * (or a lab run with a fake clock) get exact lines. The clock's zone is the zone of the stamp (production: the
 * node's local time zone, as the original tools used local time).
 *
 * <p>An exception attached to an event is written after the message as more lines with the same prefix: its
 * {@code toString()}, its stack frames and its causes, so that every line of a log file still starts with a level
 * and a time.
 */
public final class LogLineLayout extends LayoutBase<ILoggingEvent> {

    private static final int MAX_CAUSES = 10;

    private final Clock clock;

    public LogLineLayout(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A layout stamping lines with the system clock in the node's default time zone. */
    public LogLineLayout() {
        this(Clock.systemDefaultZone());
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        String level = event.getLevel().toString();
        String prefix = level + " " + LogLine.stamp(clock.instant(), clock.getZone()) + " ";
        StringBuilder out = new StringBuilder(128);
        String message = event.getFormattedMessage();
        LogLine.appendLines(out, prefix, message == null ? "null" : message);
        IThrowableProxy thrown = event.getThrowableProxy();
        for (int depth = 0; thrown != null && depth < MAX_CAUSES; depth++) {
            String head = (depth == 0 ? "" : "Caused by: ") + thrown.getClassName()
                    + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
            LogLine.appendLines(out, prefix, head);
            StackTraceElementProxy[] frames = thrown.getStackTraceElementProxyArray();
            int shown = frames.length - thrown.getCommonFrames();
            for (int i = 0; i < shown; i++) {
                out.append(prefix).append(CoreConstants.TAB).append(frames[i].getSTEAsString()).append('\n');
            }
            if (thrown.getCommonFrames() > 0) {
                out.append(prefix).append(CoreConstants.TAB).append("... ").append(thrown.getCommonFrames())
                        .append(" common frames omitted").append('\n');
            }
            thrown = thrown.getCause();
        }
        return out.toString();
    }
}

package net.linuxha.lems.schedule;

import java.time.Duration;
import java.time.Instant;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.lems.spi.Monitor;

/** The schedule's mutable record of one check; only {@link Schedule} touches it, under its owner's lock. */
final class ScheduledCheck {

    final LemsCheck definition;
    final Monitor monitor;
    Duration interval;
    /** When the check runs next; null when it is stopped, paused or (interval 0) waiting for a START. */
    Instant nextRun;
    /** A run is on a worker thread (even one that overran its timeout and was given up on). */
    boolean busy;
    /** The busy run overran its timeout; its result will be dropped. */
    boolean timedOut;
    Instant deadline;
    long runId;
    Instant lastStarted;

    ScheduledCheck(LemsCheck definition, Monitor monitor) {
        this.definition = definition;
        this.monitor = monitor;
        this.interval = definition.interval();
    }

    String name() {
        return definition.name();
    }

    boolean scheduled() {
        return nextRun != null;
    }

    /** Now plus the interval, or not scheduled when the interval is 0 (such a check runs only when started). */
    void scheduleAfterInterval(Instant now) {
        nextRun = interval.isZero() ? null : now.plus(interval);
    }
}

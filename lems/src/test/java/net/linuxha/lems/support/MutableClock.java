package net.linuxha.lems.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when a test moves it. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public static MutableClock at(long epochSecond) {
        return new MutableClock(Instant.ofEpochSecond(epochSecond));
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void advanceSeconds(double seconds) {
        advance(Duration.ofNanos((long) (seconds * 1_000_000_000L)));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}

package net.linuxha.common.wire;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;

/**
 * What both ends of the wire need: the shared key, the limits, and the clock and random source, injected so that
 * tests can fix timestamps, IVs and nonces.
 *
 * @param random source of IVs and nonces; production uses {@link SecureRandom}, tests a seeded {@link Random}
 */
public record WireContext(WireKey key, WireSettings settings, Clock clock, Random random) {

    public WireContext {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }

    /** Production: default limits, the system clock, a {@link SecureRandom}. */
    public static WireContext production(WireKey key) {
        return new WireContext(key, WireSettings.DEFAULTS, Clock.systemUTC(), new SecureRandom());
    }

    public WireContext withSettings(WireSettings value) {
        return new WireContext(key, value, clock, random);
    }

    /** A new codec; codecs keep cipher state and are for one thread (one channel, one client) at a time. */
    public FrameCodec newCodec() {
        return new FrameCodec(this);
    }
}

package net.linuxha.lems.model;

import java.math.BigDecimal;
import java.time.Duration;

/** Lems writes times as seconds, possibly fractional ({@code 10}, {@code 2.5}, {@code 0}); this converts. */
public final class Seconds {

    private Seconds() {
    }

    /**
     * Parses a non-negative number of seconds.
     *
     * @param what names the value in the error, e.g. {@code "interval of check httpd"}
     * @throws IllegalArgumentException naming {@code what} when {@code text} is not a number of seconds
     */
    public static Duration parse(String text, String what) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number of seconds such as 10 or 2.5, not '"
                    + text + "'", e);
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + text);
        }
        if (value.compareTo(BigDecimal.valueOf(86_400L * 365)) > 0) {
            throw new IllegalArgumentException(what + " is unreasonably long: " + text + " seconds");
        }
        return Duration.ofNanos(value.movePointRight(9).longValue());
    }

    /** {@code 10}, {@code 2.5}, {@code 0.25}: no trailing zeros, no exponent. */
    public static String format(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.toNanos()).movePointLeft(9).stripTrailingZeros();
        return seconds.signum() == 0 ? "0" : seconds.toPlainString();
    }
}

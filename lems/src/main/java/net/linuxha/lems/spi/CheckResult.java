package net.linuxha.lems.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What one run of a {@link Monitor} found: the return code that picks an action list, and the RCDATA text that
 * replaces {@code %RCDATA%} in it (Perl's {@code $::RCDATA}, Reference 24.3).
 */
public record CheckResult(int returnCode, Optional<String> rcData) {

    public CheckResult {
        Objects.requireNonNull(rcData, "rcData");
    }

    /** A return code without RCDATA. */
    public static CheckResult of(int returnCode) {
        return new CheckResult(returnCode, Optional.empty());
    }

    /** A return code with RCDATA text. */
    public static CheckResult of(int returnCode, String rcData) {
        return new CheckResult(returnCode, Optional.of(Objects.requireNonNull(rcData, "rcData")));
    }
}

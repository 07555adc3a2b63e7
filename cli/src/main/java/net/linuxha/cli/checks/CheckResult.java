package net.linuxha.cli.checks;

import java.util.Objects;

/**
 * One finding of a check.
 *
 * @param message what was found, naming the node and the thing ("card eth7 of network public does not exist on
 *                serverb")
 * @param fix     for WARN and FAIL, how to put it right; empty for OK
 */
public record CheckResult(CheckStatus status, String message, String fix) {

    public CheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        if (status != CheckStatus.OK && fix.isBlank()) {
            throw new IllegalArgumentException("a " + status + " result must say how to fix it: " + message);
        }
    }

    public static CheckResult ok(String message) {
        return new CheckResult(CheckStatus.OK, message, "");
    }

    public static CheckResult warn(String message, String fix) {
        return new CheckResult(CheckStatus.WARN, message, fix);
    }

    public static CheckResult fail(String message, String fix) {
        return new CheckResult(CheckStatus.FAIL, message, fix);
    }

    public boolean failed() {
        return status == CheckStatus.FAIL;
    }
}

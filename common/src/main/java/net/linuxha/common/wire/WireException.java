package net.linuxha.common.wire;

import java.io.IOException;

/**
 * A tool could not get an answer from a daemon. {@link #getMessage()} is the Reference's wording, e.g.
 * "Unable to contact local cluster daemon."; {@link #detail()} says what happened and what to check.
 */
public abstract sealed class WireException extends IOException
        permits DaemonUnreachableException, DaemonNoReplyException {

    private static final long serialVersionUID = 1L;

    private final String detail;

    WireException(String message, String detail, Throwable cause) {
        super(message, cause);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}

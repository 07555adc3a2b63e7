package net.linuxha.common.wire;

/**
 * Connected, but no acceptable answer came: timeout, connection closed (the daemon refused the request), or an
 * answer that failed verification. "Unable to read from ..." (Reference 10.1: "Unable to read from lock daemon.").
 */
public final class DaemonNoReplyException extends WireException {

    private static final long serialVersionUID = 1L;

    DaemonNoReplyException(String daemon, String detail, Throwable cause) {
        super("Unable to read from " + daemon + ".", detail, cause);
    }
}

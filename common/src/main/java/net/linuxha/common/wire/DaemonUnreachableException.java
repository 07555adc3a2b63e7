package net.linuxha.common.wire;

/** Nothing answered the connection: the daemon is down, or listens elsewhere. "Unable to contact ...". */
public final class DaemonUnreachableException extends WireException {

    private static final long serialVersionUID = 1L;

    DaemonUnreachableException(String daemon, String detail, Throwable cause) {
        super("Unable to contact " + daemon + ".", detail, cause);
    }
}

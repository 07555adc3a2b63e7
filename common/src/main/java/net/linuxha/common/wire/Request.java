package net.linuxha.common.wire;

/**
 * A typed request to one of the daemons. Each daemon has its own vocabulary, a sealed interface of records:
 * {@link ClusterRequest} (Reference 25.4), {@link LemsRequest} (24.5), {@link LockRequest} and {@link NetRequest}
 * (ours, {@code docs/protocol.md}). {@link Vocabulary#parse(String)} reads the text form; {@link #format()} writes it.
 */
public sealed interface Request permits ClusterRequest, LemsRequest, LockRequest, NetRequest {

    /** The request name on the wire, e.g. {@code APP_STATUS}. */
    String keyword();

    /** The canonical argument list. */
    Args args();

    /** The request text: {@code KEYWORD arg=val ...}. */
    default String format() {
        String args = args().format();
        return args.isEmpty() ? keyword() : keyword() + " " + args;
    }
}

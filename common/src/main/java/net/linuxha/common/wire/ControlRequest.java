package net.linuxha.common.wire;

/**
 * The control requests the lock and the network daemon share (ours, docs/protocol.md): ECHO, HELP, ABORT, VERBOSE
 * and LOGCYCLE, one record each, members of both {@link LockRequest} and {@link NetRequest}, so that each daemon's
 * vocabulary and exhaustive handling stay whole. cldaemon and Lems have requests of the same names in the
 * Reference's vocabularies ({@link ClusterRequest}, {@link LemsRequest}) with their own answers. The vocabulary
 * entries are {@code CommonArgs.controlRequests()}.
 */
public sealed interface ControlRequest extends LockRequest, NetRequest {

    /** Is the daemon up? Answer {@code UP}. */
    record Echo() implements ControlRequest {
        public String keyword() { return "ECHO"; }
        public Args args() { return Args.EMPTY; }
    }

    /** The daemon's request names. */
    record Help() implements ControlRequest {
        public String keyword() { return "HELP"; }
        public Args args() { return Args.EMPTY; }
    }

    /** Stop the daemon. */
    record Abort() implements ControlRequest {
        public String keyword() { return "ABORT"; }
        public Args args() { return Args.EMPTY; }
    }

    /** INFO lines on or off (Reference 16.8). */
    record Verbose(boolean on) implements ControlRequest {
        public String keyword() { return "VERBOSE"; }
        public Args args() { return Args.builder().put(on ? "on" : "off", "true").build(); }
    }

    /** Cycle the log, keeping {@code count} old copies. */
    record LogCycle(int count) implements ControlRequest {
        public String keyword() { return "LOGCYCLE"; }
        public Args args() { return Args.builder().put("count", count).build(); }
    }
}

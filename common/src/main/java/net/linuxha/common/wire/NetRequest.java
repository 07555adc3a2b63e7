package net.linuxha.common.wire;

import java.util.Optional;

/**
 * Requests to the network daemon {@code clnetd} (ours, after Reference 21.2.1: {@code clnetd --msg "REREAD"}
 * makes it rescan all networks and monitor again the ones it had given up on).
 */
public sealed interface NetRequest extends Request {

    Vocabulary<NetRequest> VOCABULARY = Vocabulary.<NetRequest>builder("network daemon")
            .add("REREAD [network=name]", r -> new Reread(r.optional("network")))
            .add("NET_STATUS [network=name]", r -> new NetStatus(r.optional("network")))
            .add("ECHO", r -> new Echo())
            .add("HELP", r -> new Help())
            .add("ABORT", r -> new Abort())
            .add("VERBOSE on=true|off=true", r -> new Verbose(CommonArgs.verbose(r)))
            .add("LOGCYCLE count=N", r -> new LogCycle(CommonArgs.logCount(r)))
            .build();

    /** Rescan the topology and resume monitoring of one network, or all when {@code network} is empty. */
    record Reread(Optional<String> network) implements NetRequest {
        public String keyword() { return "REREAD"; }
        public Args args() { return Args.builder().put("network", network).build(); }
    }

    /** Link state of the cards of one network, or of all. */
    record NetStatus(Optional<String> network) implements NetRequest {
        public String keyword() { return "NET_STATUS"; }
        public Args args() { return Args.builder().put("network", network).build(); }
    }

    record Echo() implements NetRequest {
        public String keyword() { return "ECHO"; }
        public Args args() { return Args.EMPTY; }
    }

    record Help() implements NetRequest {
        public String keyword() { return "HELP"; }
        public Args args() { return Args.EMPTY; }
    }

    record Abort() implements NetRequest {
        public String keyword() { return "ABORT"; }
        public Args args() { return Args.EMPTY; }
    }

    record Verbose(boolean on) implements NetRequest {
        public String keyword() { return "VERBOSE"; }
        public Args args() { return Args.builder().put(on ? "on" : "off", "true").build(); }
    }

    record LogCycle(int count) implements NetRequest {
        public String keyword() { return "LOGCYCLE"; }
        public Args args() { return Args.builder().put("count", count).build(); }
    }
}

package net.linuxha.common.wire;

import java.util.Optional;

/**
 * Requests to the network daemon {@code clnetd} (ours, after Reference 21.2.1: {@code clnetd --msg "REREAD"}
 * makes it rescan all networks and monitor again the ones it had given up on).
 */
public sealed interface NetRequest extends Request
        permits NetRequest.Reread, NetRequest.NetStatus, ControlRequest {

    Vocabulary<NetRequest> VOCABULARY = Vocabulary.<NetRequest>builder("network daemon")
            .add("REREAD [network=name]", r -> new Reread(r.optional("network")))
            .add("NET_STATUS [network=name]", r -> new NetStatus(r.optional("network")))
            .addAll(CommonArgs.controlRequests())
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
}

package net.linuxha.cluster.membership;

import java.util.List;

/** The answers to a {@link ProbeAllNetworks}, first to answer first; empty when no network reaches the peer. */
public record ProbeResult(List<NetworkAnswer> answers) implements FormationEvent, HeartbeatEvent {

    public ProbeResult {
        answers = List.copyOf(answers);
    }

    public static ProbeResult none() {
        return new ProbeResult(List.of());
    }

    public static ProbeResult of(NetworkAnswer... answers) {
        return new ProbeResult(List.of(answers));
    }
}

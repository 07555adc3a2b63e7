package net.linuxha.cluster.membership;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a {@link HeartbeatMonitor} stands.
 *
 * @param network        the one network heartbeats are sent over now
 * @param lastHeard      when the peer's last heartbeat arrived (or monitoring started)
 * @param lastSent       when we last sent one
 * @param warned         whether the warning for the current silence has been logged
 * @param probing        whether a ProbeAllNetworks is outstanding
 * @param probeStartedAt when the latest probe was started, or null if none yet
 * @param probeOutcome   what the latest completed probe found
 * @param verdict        what has been concluded about the silent peer, NONE while it is not dead
 */
public record HeartbeatState(String network, Instant lastHeard, Instant lastSent, boolean warned, boolean probing,
        Instant probeStartedAt, ProbeOutcome probeOutcome, Verdict verdict) {

    public enum ProbeOutcome { NONE, ANSWERED, NO_ANSWER }

    public enum Verdict { NONE, DAEMON_DIED, UNREACHABLE }

    public HeartbeatState {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(lastHeard, "lastHeard");
        Objects.requireNonNull(lastSent, "lastSent");
        Objects.requireNonNull(probeOutcome, "probeOutcome");
        Objects.requireNonNull(verdict, "verdict");
    }

    HeartbeatState sent(Instant at) {
        return new HeartbeatState(network, lastHeard, at, warned, probing, probeStartedAt, probeOutcome, verdict);
    }

    HeartbeatState warned(boolean w) {
        return new HeartbeatState(network, lastHeard, lastSent, w, probing, probeStartedAt, probeOutcome, verdict);
    }

    HeartbeatState probeStarted(Instant at) {
        return new HeartbeatState(network, lastHeard, lastSent, warned, true, at, probeOutcome, verdict);
    }

    HeartbeatState probeFinished(ProbeOutcome outcome, String onNetwork) {
        return new HeartbeatState(onNetwork, lastHeard, lastSent, warned, false, probeStartedAt, outcome, verdict);
    }

    HeartbeatState concluded(Verdict v) {
        return new HeartbeatState(network, lastHeard, lastSent, warned, probing, probeStartedAt, probeOutcome, v);
    }

    HeartbeatState heard(Instant at) {
        return new HeartbeatState(network, at, lastSent, false, probing, probeStartedAt, ProbeOutcome.NONE,
                Verdict.NONE);
    }
}

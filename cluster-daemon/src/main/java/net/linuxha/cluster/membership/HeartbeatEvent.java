package net.linuxha.cluster.membership;

import java.util.Objects;

/** What the I/O layer reports to {@link HeartbeatMonitor}. */
public sealed interface HeartbeatEvent permits Tick, ProbeResult, HeartbeatEvent.HeartbeatReceived {

    /** A valid heartbeat from the peer arrived over {@code network}. */
    record HeartbeatReceived(String network) implements HeartbeatEvent {
        public HeartbeatReceived {
            Objects.requireNonNull(network, "network");
        }
    }
}

package net.linuxha.cluster.membership;

/** Time has passed; the I/O layer sends one at least every keepalive/2 (and during formation, every second). */
public record Tick() implements FormationEvent, HeartbeatEvent {
}

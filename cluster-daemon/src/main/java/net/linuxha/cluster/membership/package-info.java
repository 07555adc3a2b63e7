/**
 * Who is in the cluster: forming and joining ({@link net.linuxha.cluster.membership.Formation}) and heartbeats
 * ({@link net.linuxha.cluster.membership.HeartbeatMonitor}).
 *
 * <p>Both are pure: {@code start(now)} and {@code on(state, event, now)} return a
 * {@link net.linuxha.cluster.state.Step} of the new state and the actions, and never read a clock, open a socket or
 * sleep. The daemon's I/O layer keeps the state, turns network answers and timer ticks into events, and performs
 * the actions in order: {@link net.linuxha.cluster.membership.Log} lines, echo probes of every network
 * ({@link net.linuxha.cluster.membership.ProbeAllNetworks}, answered by a
 * {@link net.linuxha.cluster.membership.ProbeResult}), and the protocol messages of Reference 25.4 (ECHO,
 * CHANGE_DSTATE, TIME, ABORT, heartbeats).
 */
package net.linuxha.cluster.membership;

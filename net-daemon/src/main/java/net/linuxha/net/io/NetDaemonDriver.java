package net.linuxha.net.io;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import net.linuxha.net.NetAction;
import net.linuxha.net.NetDaemonCore;
import net.linuxha.net.NetEvent;

/**
 * One turn of the network daemon's I/O loop, without the loop: read every card's carrier, decide, carry out, feed the
 * outcomes back until nothing more follows. The daemon's main thread calls {@link #pollOnce()} at
 * {@link NetDaemonCore#nextWakeup} and {@link #handle} for link events and control requests; all calls come from that
 * one thread. Time comes from the injected clock, read afresh for each event, because a move takes real time.
 */
public final class NetDaemonDriver {

    /** Feedback rounds per call; each failed move marks a card faulty, so a network runs out of cards long before. */
    static final int MAX_ROUNDS = 64;

    private final NetDaemonCore core;
    private final CarrierPoller poller;
    private final ActionExecutor executor;
    private final Clock clock;
    private final LogSink log;

    public NetDaemonDriver(NetDaemonCore core, CarrierPoller poller, ActionExecutor executor, Clock clock,
                           LogSink log) {
        this.core = Objects.requireNonNull(core, "core");
        this.poller = Objects.requireNonNull(poller, "poller");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Reads every card's carrier, acts on changes and on deadlines that ran out. */
    public void pollOnce() {
        executor.retryUnsentReports();
        run(List.of(poller.poll(core.cards()), new NetEvent.Tick()));
    }

    /** Processes one observation and everything its actions lead to. */
    public void handle(NetEvent event) {
        run(List.of(event));
    }

    /** Carries out actions obtained elsewhere, e.g. {@link NetDaemonCore#reread}, and what they lead to. */
    public void carryOut(List<NetAction> actions) {
        run(executor.execute(actions));
    }

    private void run(List<NetEvent> first) {
        Deque<NetEvent> pending = new ArrayDeque<>(first);
        for (int round = 0; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
            NetEvent event = pending.poll();
            pending.addAll(executor.execute(core.process(event, clock.instant())));
        }
        if (!pending.isEmpty()) {
            log.log(NetAction.Log.error("Network daemon stopped following up " + pending.size() + " event(s) after "
                    + MAX_ROUNDS + " rounds: " + pending.peek()));
        }
    }
}

package net.linuxha.lock;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.linuxha.common.log.LogRequests;
import net.linuxha.common.wire.ControlRequest;
import net.linuxha.common.wire.LockRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.RequestHandler;

/**
 * The lock daemon's request handling around the pure {@link LockTable}: every request and every connection close is
 * moved from the Netty event loop onto one state thread ({@code state}), so the table and its bookkeeping are only
 * ever touched there. A LOCK that has to wait is answered later, when the table grants the lock or the wait runs
 * out; one timer on the state thread calls {@link LockTable#tick} at {@link LockTable#nextDeadline()} and the daemon
 * otherwise sleeps (Reference 7.2.3: "the locking daemon actually sleeps when not in use").
 */
final class LockService implements RequestHandler<LockRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(LockService.class);

    private final LockTable table;
    private final Clock clock;
    private final ScheduledExecutorService state;
    private final DaemonControls controls;
    private final ConnectionClients clients = new ConnectionClients();
    private final PendingLocks pending = new PendingLocks();
    private ScheduledFuture<?> timer;
    private Instant timerAt;

    LockService(LockTable table, Clock clock, ScheduledExecutorService state, DaemonControls controls) {
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = Objects.requireNonNull(state, "state");
        this.controls = Objects.requireNonNull(controls, "controls");
    }

    @Override
    public CompletionStage<Reply> handle(LockRequest request, SocketAddress peer) {
        if (request instanceof ControlRequest.Echo) {
            return CompletableFuture.completedFuture(Reply.of("UP"));
        }
        if (request instanceof ControlRequest.Help) {
            return CompletableFuture.completedFuture(Reply.list(List.copyOf(
                    new TreeSet<>(LockRequest.VOCABULARY.keywords()))));
        }
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        state.execute(() -> {
            try {
                serve(request, peer, answer);
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    @Override
    public void connectionClosed(SocketAddress peer) {
        try {
            state.execute(() -> {
                for (ClientId client : clients.closed(peer)) {
                    pending.forget(client);
                    dispatch(table.clientGone(client, clock.instant()));
                }
                reschedule();
            });
        } catch (RejectedExecutionException stopping) {
            // The daemon is stopping: every lock goes with it.
        }
    }

    private void serve(LockRequest request, SocketAddress peer, CompletableFuture<Reply> answer) {
        if (request instanceof LockRequest.Lock lock) {
            lock(lock, peer, answer);
        } else if (request instanceof LockRequest.Unlock unlock) {
            answer.complete(unlock(unlock, peer));
        } else if (request instanceof LockRequest.LockStatus status) {
            answer.complete(status(status.lock()));
        } else if (request instanceof ControlRequest.Abort) {
            LOG.warn("ABORT received from {}: the lock daemon stops; locks held now are released", peer);
            answer.complete(Reply.ok());
            controls.abort();
        } else if (request instanceof ControlRequest.Verbose verbose) {
            controls.setVerbose(verbose.on());
            answer.complete(Reply.of(LogRequests.verboseAnswer(verbose.on())));
        } else if (request instanceof ControlRequest.LogCycle cycle) {
            answer.complete(cycleLogs(cycle.count()));
        } else {
            answer.complete(Reply.error("the lock daemon does not handle " + request.keyword()));
        }
    }

    private void lock(LockRequest.Lock request, SocketAddress peer, CompletableFuture<Reply> answer) {
        Optional<ClientId> client = claim(request.client(), peer, answer);
        if (client.isEmpty()) {
            return;
        }
        Outcome<AcquireReply> outcome;
        try {
            outcome = table.acquire(request.lock(), client.get(),
                    Optional.of(Duration.ofSeconds(request.waitSeconds())), clock.instant());
        } catch (UnknownLockException e) {
            answer.complete(LockAnswers.unknown(e));
            return;
        }
        AcquireReply reply = outcome.reply();
        if (reply instanceof AcquireReply.Granted granted) {
            LOG.info("Lock {} granted to {}", granted.lock(), client.get());
            answer.complete(LockAnswers.granted());
        } else if (reply instanceof AcquireReply.AlreadyHeld) {
            answer.complete(LockAnswers.granted());
        } else if (reply instanceof AcquireReply.Queued queued) {
            LOG.info("Lock {} is held by {}: {} waits up to {} s (position {})", queued.lock(), queued.holder(),
                    client.get(), request.waitSeconds(), queued.position());
            pending.add(queued.lock(), client.get(), answer);
        } else if (reply instanceof AcquireReply.Refused refused) {
            LOG.info("Lock {} refused to {}: held by {}", refused.lock(), client.get(), refused.holder());
            answer.complete(LockAnswers.busy(refused.holder()));
        }
        dispatch(outcome.events());
        reschedule();
    }

    private Reply unlock(LockRequest.Unlock request, SocketAddress peer) {
        CompletableFuture<Reply> refusal = new CompletableFuture<>();
        Optional<ClientId> client = claim(request.client(), peer, refusal);
        if (client.isEmpty()) {
            return refusal.join();
        }
        Outcome<ReleaseReply> outcome;
        try {
            outcome = table.release(request.lock(), client.get(), clock.instant());
        } catch (UnknownLockException e) {
            return LockAnswers.unknown(e);
        }
        ReleaseReply reply = outcome.reply();
        Reply answer;
        if (reply instanceof ReleaseReply.Released) {
            LOG.info("Lock {} released by {}", request.lock(), client.get());
            answer = LockAnswers.released();
        } else if (reply instanceof ReleaseReply.LeftQueue) {
            LOG.info("{} no longer waits for lock {}", client.get(), request.lock());
            // The LOCK it was waiting on is answered now: it did not get the lock.
            ClientId holder = table.status(request.lock()).holder().map(LockStatus.Holder::client)
                    .orElse(client.get());
            pending.answer(request.lock(), client.get(), LockAnswers.busy(holder));
            answer = LockAnswers.released();
        } else {
            answer = LockAnswers.notHeld(((ReleaseReply.NotHeld) reply).holder());
        }
        dispatch(outcome.events());
        reschedule();
        return answer;
    }

    private Reply status(Optional<String> lock) {
        try {
            return LockAnswers.status(lock.isPresent() ? List.of(table.status(lock.get())) : table.statusAll());
        } catch (UnknownLockException e) {
            return LockAnswers.unknown(e);
        }
    }

    private Reply cycleLogs(int count) {
        try {
            controls.cycleLogs(count);
            return Reply.ok();
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            return Reply.error("LOGCYCLE failed: " + e.getMessage());
        }
    }

    /** The client id of a request, if it is valid and this connection may speak for it; else answers the error. */
    private Optional<ClientId> claim(String id, SocketAddress peer, CompletableFuture<Reply> answer) {
        ClientId client;
        try {
            client = new ClientId(id);
        } catch (IllegalArgumentException e) {
            answer.complete(Reply.error(e.getMessage()));
            return Optional.empty();
        }
        if (!clients.claim(peer, client)) {
            answer.complete(Reply.error("client id " + client + " is in use on another connection to the lock"
                    + " daemon; each holder needs an id of its own, e.g. tool.pid.n"));
            return Optional.empty();
        }
        return Optional.of(client);
    }

    private void dispatch(List<LockEvent> events) {
        for (LockEvent event : events) {
            if (event instanceof LockEvent.Granted granted) {
                LOG.info(event.describe());
                pending.answer(granted.lock(), granted.client(), LockAnswers.granted());
            } else if (event instanceof LockEvent.WaitTimedOut timedOut) {
                LOG.info(event.describe());
                pending.answer(timedOut.lock(), timedOut.client(), LockAnswers.busy(timedOut.holder()));
            } else {
                // Expired and Abandoned: a holder misbehaved (held too long, or died holding the lock).
                LOG.warn(event.describe());
            }
        }
    }

    /** Keeps exactly one timer, due at the table's next deadline; none while every lock is free. */
    private void reschedule() {
        Optional<Instant> next = table.nextDeadline();
        if (next.isPresent() && next.get().equals(timerAt)) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
            timer = null;
            timerAt = null;
        }
        if (next.isPresent()) {
            long delayMillis = Math.max(0, Duration.between(clock.instant(), next.get()).toMillis()) + 1;
            timerAt = next.get();
            try {
                timer = state.schedule(this::tick, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                timerAt = null;
            }
        }
    }

    private void tick() {
        timer = null;
        timerAt = null;
        dispatch(table.tick(clock.instant()));
        reschedule();
    }
}

package net.linuxha.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.linuxha.common.config.LockDefinition;

/**
 * Random sequences of acquire, release, disconnect and tick against a simple model of the queue, proving after every
 * step: at most one holder per lock, no client both holding and waiting, no waiters on a free lock, no holder past
 * its maximum hold time, and every grant going to the longest-waiting client still in the queue (FIFO).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LockTableRandomizedTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final int STEPS = 2_000;

    private final Map<String, Integer> seen = new HashMap<>();

    @Test
    void invariantsHoldForManyRandomSequences() {
        for (long seed = 1; seed <= 20; seed++) {
            runOne(seed);
        }
        // The sequences must actually reach every kind of event, or the invariants above prove little.
        for (String kind : List.of("Granted", "WaitTimedOut", "Expired", "Abandoned")) {
            assertTrue(seen.getOrDefault(kind, 0) > 100, kind + " seen only " + seen.get(kind) + " times");
        }
    }

    private void runOne(long seed) {
        Random random = new Random(seed);
        List<LockDefinition> definitions = List.of(
                new LockDefinition("NET", "n", Duration.ofSeconds(4)),
                new LockDefinition("NBD_CLIENT", "c", Duration.ofSeconds(6)));
        LockTable table = new LockTable(definitions);
        List<ClientId> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.add(ClientId.of("tool", i));
        }
        // The model: per lock, the clients in the order they joined the queue (or were granted at once).
        Map<String, List<ClientId>> queueOrder = new HashMap<>();
        Map<String, ClientId> holders = new HashMap<>();
        for (LockDefinition d : definitions) {
            queueOrder.put(d.name(), new ArrayList<>());
        }
        Instant now = T0;
        for (int step = 0; step < STEPS; step++) {
            now = now.plusMillis(random.nextInt(1500));
            String lock = definitions.get(random.nextInt(definitions.size())).name();
            ClientId client = clients.get(random.nextInt(clients.size()));
            String context = "seed " + seed + " step " + step;
            int op = random.nextInt(10);
            if (op < 5) {
                Optional<Duration> wait = switch (random.nextInt(3)) {
                    case 0 -> Optional.empty();
                    case 1 -> Optional.of(Duration.ZERO);
                    default -> Optional.of(Duration.ofMillis(random.nextInt(10_000)));
                };
                Outcome<AcquireReply> o = table.acquire(lock, client, wait, now);
                apply(o.events(), queueOrder, holders, context);
                AcquireReply reply = o.reply();
                if (reply instanceof AcquireReply.Granted) {
                    assertTrue(queueOrder.get(lock).isEmpty(), context + ": granted at once past waiters");
                    assertFalse(holders.containsKey(lock), context + ": granted at once while held");
                    holders.put(lock, client);
                } else if (reply instanceof AcquireReply.Queued q && !queueOrder.get(lock).contains(client)) {
                    queueOrder.get(lock).add(client);
                    assertEquals(queueOrder.get(lock).size(), q.position(), context);
                }
            } else if (op < 8) {
                Outcome<ReleaseReply> o = table.release(lock, client, now);
                List<LockEvent> all = o.events();
                ReleaseReply reply = o.reply();
                boolean handedOn = reply instanceof ReleaseReply.Released r && r.next().isPresent();
                // The grant to the next waiter, if any, is the last event and happens after the release itself.
                apply(handedOn ? all.subList(0, all.size() - 1) : all, queueOrder, holders, context);
                if (reply instanceof ReleaseReply.Released) {
                    assertEquals(client, holders.remove(lock), context);
                } else if (reply instanceof ReleaseReply.LeftQueue) {
                    assertTrue(queueOrder.get(lock).remove(client), context);
                }
                if (handedOn) {
                    apply(all.subList(all.size() - 1, all.size()), queueOrder, holders, context);
                }
            } else if (op < 9) {
                List<LockEvent> events = table.clientGone(client, now);
                // Advance events come first, then the client leaves every queue, then its locks are handed on.
                int firstOwn = 0;
                while (firstOwn < events.size() && !(events.get(firstOwn) instanceof LockEvent.Abandoned)) {
                    firstOwn++;
                }
                apply(events.subList(0, firstOwn), queueOrder, holders, context);
                for (List<ClientId> q : queueOrder.values()) {
                    q.remove(client);
                }
                apply(events.subList(firstOwn, events.size()), queueOrder, holders, context);
            } else {
                apply(table.tick(now), queueOrder, holders, context);
            }
            checkInvariants(table, queueOrder, holders, now, context);
        }
    }

    /** Applies events to the model in order, checking each grant goes to the head of the model queue. */
    private void apply(List<LockEvent> events, Map<String, List<ClientId>> queueOrder,
            Map<String, ClientId> holders, String context) {
        Instant previous = Instant.MIN;
        for (LockEvent e : events) {
            assertFalse(e.at().isBefore(previous), context + ": events out of order " + events);
            previous = e.at();
            seen.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            List<ClientId> queue = queueOrder.get(e.lock());
            if (e instanceof LockEvent.Expired || e instanceof LockEvent.Abandoned) {
                assertEquals(e.client(), holders.remove(e.lock()), context + ": " + e);
            } else if (e instanceof LockEvent.WaitTimedOut) {
                assertTrue(queue.remove(e.client()), context + ": timed out a client not waiting " + e);
            } else if (e instanceof LockEvent.Granted) {
                if (queue.isEmpty() || !queue.get(0).equals(e.client())) {
                    fail(context + ": " + e.client() + " granted " + e.lock() + " but FIFO head is " + queue);
                }
                queue.remove(0);
                assertEquals(null, holders.put(e.lock(), e.client()), context + ": granted while held " + e);
            }
        }
    }

    private static void checkInvariants(LockTable table, Map<String, List<ClientId>> queueOrder,
            Map<String, ClientId> holders, Instant now, String context) {
        for (LockStatus s : table.statusAll()) {
            List<ClientId> waiting = s.waiters().stream().map(LockStatus.Waiter::client).toList();
            assertEquals(queueOrder.get(s.name()), waiting, context + ": queue of " + s.name());
            assertEquals(Optional.ofNullable(holders.get(s.name())), s.holder().map(LockStatus.Holder::client),
                    context + ": holder of " + s.name());
            Set<ClientId> distinct = new HashSet<>(waiting);
            assertEquals(waiting.size(), distinct.size(), context + ": client twice in queue");
            if (s.holder().isEmpty()) {
                assertTrue(waiting.isEmpty(), context + ": waiters on a free lock");
            } else {
                assertFalse(distinct.contains(s.holder().get().client()), context + ": holder also waits");
                assertTrue(now.isBefore(s.holder().get().expiresAfter()), context + ": holder past max hold");
            }
            for (LockStatus.Waiter w : s.waiters()) {
                assertTrue(w.deadline().map(now::isBefore).orElse(true), context + ": waiter past deadline");
            }
        }
    }
}

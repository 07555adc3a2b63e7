package net.linuxha.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.linuxha.common.config.LockDefinition;

/** Every branch of {@link LockTable}, driven by explicit times: no threads, no sleeps. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LockTableTest {

    private static final Instant T0 = Instant.parse("2005-06-12T23:03:24Z");
    private static final ClientId A = ClientId.of("clstartapp", 100);
    private static final ClientId B = ClientId.of("clstartapp", 200);
    private static final ClientId C = ClientId.of("clhaltapp", 300);
    private static final Optional<Duration> FOREVER = Optional.empty();

    private final LockTable table = LockTable.withBuiltInLocks();

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static Optional<Duration> upTo(long seconds) {
        return Optional.of(Duration.ofSeconds(seconds));
    }

    @Test
    void builtInLocksAreTheReferenceDefaults() {
        assertEquals(List.of("NET", "NBD_CLIENT", "NBD_SERVER"), table.lockNames());
        assertEquals(Duration.ofSeconds(40), table.status("NET").definition().maxHold());
        assertEquals(Duration.ofSeconds(45), table.status("NBD_CLIENT").definition().maxHold());
        assertEquals(Duration.ofSeconds(45), table.status("NBD_SERVER").definition().maxHold());
        assertEquals("DRBD Primary Access", table.status("NBD_CLIENT").definition().description());
    }

    @Test
    void freeLockIsGrantedAtOnce() {
        Outcome<AcquireReply> o = table.acquire("NET", A, FOREVER, at(0));
        assertEquals(new AcquireReply.Granted("NET", at(0)), o.reply());
        assertTrue(o.events().isEmpty());
        assertEquals(A, table.status("NET").holder().orElseThrow().client());
        assertEquals(at(40), table.status("NET").holder().orElseThrow().expiresAfter());
    }

    @Test
    void repeatedAcquireByHolderChangesNothing() {
        table.acquire("NET", A, FOREVER, at(0));
        assertEquals(new AcquireReply.AlreadyHeld("NET", at(0)), table.acquire("NET", A, FOREVER, at(5)).reply());
        assertEquals(at(40), table.status("NET").holder().orElseThrow().expiresAfter());
    }

    @Test
    void busyLockQueuesWaitersInArrivalOrder() {
        table.acquire("NET", A, FOREVER, at(0));
        AcquireReply b = table.acquire("NET", B, upTo(30), at(1)).reply();
        AcquireReply c = table.acquire("NET", C, FOREVER, at(2)).reply();
        assertEquals(new AcquireReply.Queued("NET", 1, A, Optional.of(at(31))), b);
        assertEquals(new AcquireReply.Queued("NET", 2, A, Optional.empty()), c);
        assertEquals(List.of(B, C), table.status("NET").waiters().stream().map(LockStatus.Waiter::client).toList());
    }

    @Test
    void repeatedAcquireByWaiterKeepsItsPlaceAndDeadline() {
        table.acquire("NET", A, FOREVER, at(0));
        table.acquire("NET", B, upTo(30), at(1));
        table.acquire("NET", C, FOREVER, at(2));
        assertEquals(new AcquireReply.Queued("NET", 1, A, Optional.of(at(31))),
                table.acquire("NET", B, upTo(99), at(3)).reply());
    }

    @Test
    void zeroWaitIsRefusedAtOnceWhenBusy() {
        table.acquire("NBD_CLIENT", A, FOREVER, at(0));
        assertEquals(new AcquireReply.Refused("NBD_CLIENT", A, at(0)),
                table.acquire("NBD_CLIENT", B, upTo(0), at(1)).reply());
        assertTrue(table.status("NBD_CLIENT").waiters().isEmpty());
    }

    @Test
    void zeroWaitIsGrantedWhenFree() {
        assertInstanceOf(AcquireReply.Granted.class, table.acquire("NET", A, upTo(0), at(0)).reply());
    }

    @Test
    void negativeWaitIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.acquire("NET", A, Optional.of(Duration.ofSeconds(-1)), at(0)));
        assertTrue(e.getMessage().contains("NET"), e.getMessage());
    }

    @Test
    void releaseByHolderGrantsTheNextWaiter() {
        table.acquire("NET", A, FOREVER, at(0));
        table.acquire("NET", B, FOREVER, at(1));
        table.acquire("NET", C, FOREVER, at(2));
        Outcome<ReleaseReply> o = table.release("NET", A, at(3));
        assertEquals(new ReleaseReply.Released("NET", Optional.of(B)), o.reply());
        assertEquals(List.of(new LockEvent.Granted("NET", B, at(3), at(1))), o.events());
        LockStatus.Holder holder = table.status("NET").holder().orElseThrow();
        assertEquals(B, holder.client());
        assertEquals(at(3), holder.since());
        assertEquals(at(43), holder.expiresAfter());
    }

    @Test
    void releaseOfUncontendedLockFreesIt() {
        table.acquire("NET", A, FOREVER, at(0));
        assertEquals(new ReleaseReply.Released("NET", Optional.empty()), table.release("NET", A, at(1)).reply());
        assertTrue(table.status("NET").holder().isEmpty());
        assertEquals(Optional.empty(), table.nextDeadline());
    }

    @Test
    void releaseByWaiterLeavesTheQueue() {
        table.acquire("NET", A, FOREVER, at(0));
        table.acquire("NET", B, FOREVER, at(1));
        table.acquire("NET", C, FOREVER, at(2));
        assertEquals(new ReleaseReply.LeftQueue("NET"), table.release("NET", B, at(3)).reply());
        assertEquals(Optional.of(C), ((ReleaseReply.Released) table.release("NET", A, at(4)).reply()).next());
    }

    @Test
    void releaseByStrangerIsNotHeldAndChangesNothing() {
        table.acquire("NET", A, FOREVER, at(0));
        assertEquals(new ReleaseReply.NotHeld("NET", Optional.of(A)), table.release("NET", B, at(1)).reply());
        assertEquals(new ReleaseReply.NotHeld("NBD_SERVER", Optional.empty()),
                table.release("NBD_SERVER", B, at(1)).reply());
        assertEquals(A, table.status("NET").holder().orElseThrow().client());
    }

    @Test
    void holderPastMaxHoldTimeLosesTheLockToTheNextWaiter() {
        table.acquire("NET", A, FOREVER, at(0));
        table.acquire("NET", B, FOREVER, at(5));
        assertTrue(table.tick(at(39)).isEmpty(), "39 s is within NET's 40 s");
        List<LockEvent> events = table.tick(at(40));
        assertEquals(List.of(
                new LockEvent.Expired("NET", A, at(40), at(0), Duration.ofSeconds(40)),
                new LockEvent.Granted("NET", B, at(40), at(5))), events);
        assertTrue(events.get(0).describe().contains("maximum of 40 s"), events.get(0).describe());
        assertEquals(B, table.status("NET").holder().orElseThrow().client());
    }

    @Test
    void expiredHolderWithoutWaitersLeavesTheLockFree() {
        table.acquire("NBD_SERVER", A, FOREVER, at(0));
        assertEquals(List.of(new LockEvent.Expired("NBD_SERVER", A, at(45), at(0), Duration.ofSeconds(45))),
                table.tick(at(50)));
        assertTrue(table.status("NBD_SERVER").holder().isEmpty());
        assertEquals(new ReleaseReply.NotHeld("NBD_SERVER", Optional.empty()),
                table.release("NBD_SERVER", A, at(51)).reply());
    }

    @Test
    void lateTickGrantsFromTheTickSoTheNewHolderGetsItsFullHoldTime() {
        table.acquire("NET", A, FOREVER, at(0));
        table.acquire("NET", B, FOREVER, at(1));
        table.tick(at(70));
        assertEquals(at(110), table.status("NET").holder().orElseThrow().expiresAfter());
    }

    @Test
    void waiterWhoseTimeoutRunsOutIsRefused() {
        table.acquire("NET", A, FOREVER, at(0));
        table.acquire("NET", B, upTo(10), at(1));
        assertTrue(table.tick(at(10)).isEmpty());
        assertEquals(List.of(new LockEvent.WaitTimedOut("NET", B, at(11), at(1), A)), table.tick(at(11)));
        assertTrue(table.status("NET").waiters().isEmpty());
    }

    @Test
    void lateTickStillRefusesAWaiterWhoseDeadlineCameBeforeTheExpiry() {
        table.acquire("NET", A, FOREVER, at(0));
        table.acquire("NET", B, upTo(10), at(1));
        table.acquire("NET", C, upTo(100), at(2));
        List<LockEvent> events = table.tick(at(60));
        assertEquals(List.of(
                new LockEvent.WaitTimedOut("NET", B, at(11), at(1), A),
                new LockEvent.Expired("NET", A, at(40), at(0), Duration.ofSeconds(40)),
                new LockEvent.Granted("NET", C, at(60), at(2))), events);
    }

    @Test
    void lateTickGrantsAWaiterStillWaitingAtTheExpiryEvenIfItsDeadlineHasSincePassed() {
        table.acquire("NET", A, FOREVER, at(0));
        table.acquire("NET", B, upTo(45), at(1));
        table.acquire("NET", C, upTo(45), at(2));
        List<LockEvent> events = table.tick(at(50));
        assertEquals(List.of(
                new LockEvent.Expired("NET", A, at(40), at(0), Duration.ofSeconds(40)),
                new LockEvent.WaitTimedOut("NET", C, at(47), at(2), B),
                new LockEvent.Granted("NET", B, at(50), at(1))), events);
    }

    @Test
    void waiterWhoseDeadlineEqualsTheExpiryIsGranted() {
        table.acquire("NET", A, FOREVER, at(0));
        table.acquire("NET", B, upTo(39), at(1));
        assertEquals(List.of(
                new LockEvent.Expired("NET", A, at(40), at(0), Duration.ofSeconds(40)),
                new LockEvent.Granted("NET", B, at(40), at(1))), table.tick(at(40)));
    }

    @Test
    void operationsBringTheTableUpToDateFirst() {
        table.acquire("NET", A, FOREVER, at(0));
        Outcome<AcquireReply> o = table.acquire("NET", B, FOREVER, at(41));
        assertEquals(new AcquireReply.Granted("NET", at(41)), o.reply());
        assertEquals(List.of(new LockEvent.Expired("NET", A, at(40), at(0), Duration.ofSeconds(40))), o.events());
    }

    @Test
    void releaseAfterLosingTheLockToExpiryIsNotHeld() {
        table.acquire("NET", A, FOREVER, at(0));
        table.acquire("NET", B, FOREVER, at(1));
        Outcome<ReleaseReply> o = table.release("NET", A, at(45));
        assertEquals(new ReleaseReply.NotHeld("NET", Optional.of(B)), o.reply());
        assertEquals(2, o.events().size());
    }

    @Test
    void clientGoneReleasesEverythingItHeldAndLeavesEveryQueue() {
        table.acquire("NET", A, FOREVER, at(0));
        table.acquire("NBD_CLIENT", A, FOREVER, at(0));
        table.acquire("NBD_SERVER", B, FOREVER, at(0));
        table.acquire("NET", B, FOREVER, at(1));
        table.acquire("NBD_SERVER", A, FOREVER, at(1));
        List<LockEvent> events = table.clientGone(A, at(2));
        assertEquals(List.of(
                new LockEvent.Abandoned("NET", A, at(2), Optional.of(B)),
                new LockEvent.Granted("NET", B, at(2), at(1)),
                new LockEvent.Abandoned("NBD_CLIENT", A, at(2), Optional.empty())), events);
        assertTrue(table.status("NBD_CLIENT").holder().isEmpty());
        assertTrue(table.status("NBD_SERVER").waiters().isEmpty());
        assertEquals(B, table.status("NBD_SERVER").holder().orElseThrow().client());
    }

    @Test
    void clientGoneWithNothingHeldDoesNothing() {
        assertTrue(table.clientGone(C, at(0)).isEmpty());
    }

    @Test
    void nextDeadlineIsTheEarliestExpiryOrWaitTimeout() {
        assertEquals(Optional.empty(), table.nextDeadline());
        table.acquire("NBD_CLIENT", A, FOREVER, at(0));
        assertEquals(Optional.of(at(45)), table.nextDeadline());
        table.acquire("NET", A, FOREVER, at(10));
        assertEquals(Optional.of(at(45)), table.nextDeadline());
        table.acquire("NET", B, upTo(5), at(11));
        assertEquals(Optional.of(at(16)), table.nextDeadline());
    }

    @Test
    void timeRunningBackwardsIsTreatedAsTheLatestTimeSeen() {
        table.acquire("NET", A, FOREVER, at(10));
        assertEquals(new AcquireReply.Refused("NET", A, at(10)), table.acquire("NET", B, upTo(0), at(5)).reply());
        table.release("NET", A, at(3));
        assertEquals(new AcquireReply.Granted("NET", at(10)), table.acquire("NET", B, FOREVER, at(4)).reply());
    }

    @Test
    void unknownLockNamesTheLockAndTheKnownOnes() {
        UnknownLockException e = assertThrows(UnknownLockException.class,
                () -> table.acquire("DISK", A, FOREVER, at(0)));
        assertEquals("DISK", e.lockName());
        assertEquals(List.of("NET", "NBD_CLIENT", "NBD_SERVER"), e.knownLocks());
        assertTrue(e.getMessage().contains("'DISK'") && e.getMessage().contains("NET, NBD_CLIENT, NBD_SERVER")
                && e.getMessage().contains("cllocks.xml"), e.getMessage());
        assertThrows(UnknownLockException.class, () -> table.release("DISK", A, at(0)));
        assertThrows(UnknownLockException.class, () -> table.status("DISK"));
    }

    @Test
    void customDefinitionsReplaceTheBuiltInOnes() {
        LockTable custom = new LockTable(List.of(new LockDefinition("NET", "Network", Duration.ofSeconds(5))));
        custom.acquire("NET", A, FOREVER, at(0));
        assertEquals(1, custom.tick(at(5)).size());
        assertThrows(UnknownLockException.class, () -> custom.status("NBD_CLIENT"));
    }

    @Test
    void invalidDefinitionsAreRejectedWithTheFix() {
        Duration s = Duration.ofSeconds(1);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new LockTable(List.of(new LockDefinition("X", "a", s), new LockDefinition("X", "b", s))))
                .getMessage().contains("X is defined twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LockTable(List.of()))
                .getMessage().contains("at least one"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LockDefinition("A B", "d", s))
                .getMessage().contains("'A B'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LockDefinition("A", "d", Duration.ZERO))
                .getMessage().contains("maxt"));
        assertThrows(IllegalArgumentException.class, () -> new ClientId("two words"));
    }
}

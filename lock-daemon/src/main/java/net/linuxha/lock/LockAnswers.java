package net.linuxha.lock;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import net.linuxha.common.wire.Reply;

/**
 * The lock daemon's answers (docs/cllockd.md, docs/protocol.md), in one place so the client and the tests read the
 * same words:
 *
 * <pre>
 * LOCK         OK | BUSY holder | UNKNOWN_LOCK message | ERROR message
 * UNLOCK       OK | NOT_HELD [holder] | UNKNOWN_LOCK message | ERROR message
 * LOCK_STATUS  one line per lock: name,holder or -,held since (UNIX seconds) or 0,maxt seconds,waiters
 * ECHO         UP
 * </pre>
 */
final class LockAnswers {

    static final String BUSY = "BUSY";
    static final String NOT_HELD = "NOT_HELD";
    static final String UNKNOWN_LOCK = "UNKNOWN_LOCK";

    private LockAnswers() {
    }

    static Reply granted() {
        return Reply.ok();
    }

    /** The lock is still held by {@code holder} when the client's wait ran out (or it did not wait). */
    static Reply busy(ClientId holder) {
        return Reply.of(BUSY + " " + holder);
    }

    static Reply unknown(UnknownLockException e) {
        return Reply.of(UNKNOWN_LOCK + " " + e.getMessage());
    }

    static Reply notHeld(Optional<ClientId> holder) {
        return Reply.of(holder.map(h -> NOT_HELD + " " + h).orElse(NOT_HELD));
    }

    static Reply released() {
        return Reply.ok();
    }

    static Reply status(List<LockStatus> locks) {
        return Reply.of(locks.stream().map(LockAnswers::statusLine).collect(Collectors.joining("\n")));
    }

    static String statusLine(LockStatus lock) {
        String holder = lock.holder().map(h -> h.client().value()).orElse("-");
        long since = lock.holder().map(h -> h.since().getEpochSecond()).orElse(0L);
        String waiters = lock.waiters().stream().map(w -> w.client().value()).collect(Collectors.joining(" "));
        return lock.name() + "," + holder + "," + since + "," + lock.definition().maxHold().toSeconds() + ","
                + waiters;
    }
}

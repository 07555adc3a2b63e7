package net.linuxha.lock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import net.linuxha.common.wire.Reply;

/**
 * LOCK requests that wait for a busy lock: their answers are given when the table grants the lock or the wait runs
 * out, long after the request was read. Not thread-safe; the daemon's state thread owns it.
 */
final class PendingLocks {

    private record Key(String lock, ClientId client) {
    }

    private final Map<Key, List<CompletableFuture<Reply>>> waiting = new HashMap<>();

    void add(String lock, ClientId client, CompletableFuture<Reply> answer) {
        waiting.computeIfAbsent(new Key(lock, client), k -> new ArrayList<>()).add(answer);
    }

    /** Answers every request of {@code client} waiting for {@code lock}; false if there was none. */
    boolean answer(String lock, ClientId client, Reply reply) {
        List<CompletableFuture<Reply>> answers = waiting.remove(new Key(lock, client));
        if (answers == null) {
            return false;
        }
        answers.forEach(a -> a.complete(reply));
        return true;
    }

    /** Forgets the client's waiting requests: its connection is gone, nobody would read the answers. */
    void forget(ClientId client) {
        waiting.keySet().removeIf(k -> k.client().equals(client));
    }

    int size() {
        return waiting.size();
    }
}

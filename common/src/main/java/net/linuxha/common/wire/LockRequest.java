package net.linuxha.common.wire;

import java.util.Optional;

/**
 * Requests to the lock daemon {@code cllockd} (ours; the Reference names the daemon, 5.5 and 7.2.3, but not its
 * messages). Locks are the names of {@code cllocks.xml}; a holder is named by {@code client}, a free-form id
 * such as {@code clrunapp.apache.4711}.
 */
public sealed interface LockRequest extends Request
        permits LockRequest.Lock, LockRequest.Unlock, LockRequest.LockStatus, ControlRequest {

    /** Longest a LOCK may wait for a busy lock, in seconds. */
    int MAX_WAIT_SECONDS = 3600;

    Vocabulary<LockRequest> VOCABULARY = Vocabulary.<LockRequest>builder("lock daemon")
            .add("LOCK name=lock client=id [wait=seconds]", r -> new Lock(r.required("name"), r.required("client"),
                    r.optionalInt("wait", 0, MAX_WAIT_SECONDS).orElse(0)))
            .add("UNLOCK name=lock client=id", r -> new Unlock(r.required("name"), r.required("client")))
            .add("LOCK_STATUS [name=lock]", r -> new LockStatus(r.optional("name")))
            .addAll(CommonArgs.controlRequests())
            .build();

    /** Take {@code lock} for {@code client}, waiting up to {@code waitSeconds} (0: answer at once). */
    record Lock(String lock, String client, int waitSeconds) implements LockRequest {
        public String keyword() { return "LOCK"; }
        public Args args() {
            Args.Builder b = Args.builder().put("name", lock).put("client", client);
            return (waitSeconds == 0 ? b : b.put("wait", waitSeconds)).build();
        }
    }

    record Unlock(String lock, String client) implements LockRequest {
        public String keyword() { return "UNLOCK"; }
        public Args args() { return Args.builder().put("name", lock).put("client", client).build(); }
    }

    /** One lock, or all when {@code lock} is empty. */
    record LockStatus(Optional<String> lock) implements LockRequest {
        public String keyword() { return "LOCK_STATUS"; }
        public Args args() { return Args.builder().put("name", lock).build(); }
    }
}

package net.linuxha.lock;

import java.util.List;

/** A request named a lock this daemon does not manage. The message names the lock and the ones it knows. */
public final class UnknownLockException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String lockName;
    private final List<String> knownLocks;

    public UnknownLockException(String lockName, List<String> knownLocks) {
        super("Unknown lock '" + lockName + "': this lock daemon manages " + String.join(", ", knownLocks)
                + ". Use one of those names, or define " + lockName + " in cllocks.xml and restart the lock daemon.");
        this.lockName = lockName;
        this.knownLocks = List.copyOf(knownLocks);
    }

    public String lockName() {
        return lockName;
    }

    public List<String> knownLocks() {
        return knownLocks;
    }
}

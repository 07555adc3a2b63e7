package net.linuxha.common.lock;

import java.time.Duration;

/**
 * A lock stayed held by someone else for as long as the tool was prepared to wait. The lock daemon is working, so
 * this is not a reason to carry on without the lock: the tool decides (usually: fail, naming the holder).
 */
public final class LockBusyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String lock;
    private final String holder;

    public LockBusyException(String lock, String holder, Duration waited) {
        super("Lock " + lock + " is still held by " + holder + " after waiting " + waited.toSeconds() + " s; "
                + "see who holds it with: lockctl status (LOCK_STATUS), and retry when it is free");
        this.lock = lock;
        this.holder = holder;
    }

    public String lock() {
        return lock;
    }

    /** The lock daemon's name for the holder, e.g. {@code clstartapp.4711.1}. */
    public String holder() {
        return holder;
    }
}

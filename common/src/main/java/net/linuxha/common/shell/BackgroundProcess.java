package net.linuxha.common.shell;

import java.time.Duration;
import java.util.OptionalInt;

/** A handle on a process started with {@link CommandRunner#start(BackgroundCommand)}. */
public interface BackgroundProcess {

    long pid();

    boolean isAlive();

    /**
     * Waits up to {@code timeout} for the process to exit.
     *
     * @return its exit code (128 + signal number when killed by a signal), or empty if still running
     */
    OptionalInt waitFor(Duration timeout) throws InterruptedException;

    /** Sends {@code signal} to the process itself (not its children); does nothing once it has exited. */
    void signal(Signal signal);

    /** TERM to the process and its descendants, KILL to whatever is left after {@code grace}. */
    void killTree(Duration grace) throws InterruptedException;
}

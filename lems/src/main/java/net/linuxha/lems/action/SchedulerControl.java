package net.linuxha.lems.action;

import java.time.Duration;
import java.util.Optional;

/** What actions may do to the Lems schedule. The scheduler implements it; tests drive it with a fixed clock. */
public interface SchedulerControl {

    /** Whether a check of that name is in the running configuration. */
    boolean exists(String check);

    /** Suspends the check until it is started again; returns false when it was already stopped. */
    boolean stop(String check);

    /**
     * Schedules a stopped check for now plus its interval (the new one when given); a check that is already
     * scheduled keeps its next run time and only takes the new interval.
     *
     * @return true when the check was stopped and is now scheduled
     */
    boolean start(String check, Optional<Duration> newInterval);

    /** The check's next run is now plus {@code delay}, whatever its interval. */
    void pause(String check, Duration delay);

    /** Removes the check from the running configuration. */
    void remove(String check);

    /** Asks the daemon to stop scheduling and exit once the current action list is done. */
    void requestExit(ExitReason reason);
}

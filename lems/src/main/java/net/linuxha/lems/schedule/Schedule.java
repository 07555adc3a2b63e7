package net.linuxha.lems.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.lems.action.ExitReason;
import net.linuxha.lems.action.SchedulerControl;
import net.linuxha.lems.spi.Monitor;

/**
 * What runs when: the pure state of the Lems scheduler (Reference 24.1, 24.3, 24.5). Every decision is a function
 * of this state and {@link Clock#instant()}; nothing here sleeps, starts threads or runs a monitor. The engine
 * asks it what is due ({@link #startDue()}), hands back results ({@link #completed}), and sleeps until
 * {@link #nextWakeup()}.
 *
 * <p>Rules: a check is first run one interval after it is added, and again one interval after each run finishes,
 * so runs are never closer than the interval; interval 0 means a check runs only when an action starts it, and
 * then once. A check never runs twice at once: while a run is on a worker thread, even one that overran its
 * timeout, the check is not started again. A result is acted on only if the check is still scheduled when it
 * arrives: stopping, pausing or removing a check drops the result of a run in progress.
 *
 * <p>Not thread-safe: the engine calls it under one lock.
 */
public final class Schedule implements SchedulerControl {

    /** How long one run may take before it is given up on, unless the daemon is told otherwise. */
    public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofSeconds(60);

    private final Clock clock;
    private final Duration runTimeout;
    private final Map<String, ScheduledCheck> checks = new LinkedHashMap<>();
    /** Checks that were scheduled when PAUSE stopped everything; RESUME schedules exactly these again. */
    private final Set<String> pausedByRequest = new LinkedHashSet<>();
    private final List<Monitor> retired = new ArrayList<>();
    private boolean paused;
    private ExitReason exit;

    public Schedule(Clock clock) {
        this(clock, DEFAULT_RUN_TIMEOUT);
    }

    /** @param runTimeout how long one run of any check may take before its result is dropped */
    public Schedule(Clock clock, Duration runTimeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runTimeout = Objects.requireNonNull(runTimeout, "runTimeout");
        if (runTimeout.isNegative() || runTimeout.isZero()) {
            throw new IllegalArgumentException("the run timeout must be positive, got " + runTimeout);
        }
    }

    public Instant now() {
        return clock.instant();
    }

    public Duration runTimeout() {
        return runTimeout;
    }

    /**
     * Adds a check, scheduled one interval from now (not scheduled when its interval is 0, or while all monitoring
     * is paused: then RESUME schedules it).
     *
     * @throws IllegalArgumentException when a check of that name exists
     */
    public void add(LemsCheck definition, Monitor monitor) {
        if (checks.containsKey(definition.name())) {
            throw new IllegalArgumentException("monitor " + definition.name() + " already exists; REMOVE "
                    + definition.name() + " first");
        }
        ScheduledCheck check = new ScheduledCheck(definition, Objects.requireNonNull(monitor, "monitor"));
        if (paused) {
            if (!definition.interval().isZero()) {
                pausedByRequest.add(definition.name());
            }
        } else {
            check.scheduleAfterInterval(now());
        }
        checks.put(definition.name(), check);
    }

    /** The checks due now that are not already running, marked as running; earliest due first. */
    public List<RunOrder> startDue() {
        Instant now = now();
        List<ScheduledCheck> due = new ArrayList<>();
        for (ScheduledCheck check : checks.values()) {
            if (check.scheduled() && !check.busy && !check.nextRun.isAfter(now)) {
                due.add(check);
            }
        }
        due.sort(Comparator.comparing(c -> c.nextRun));
        List<RunOrder> orders = new ArrayList<>();
        for (ScheduledCheck check : due) {
            check.busy = true;
            check.timedOut = false;
            check.runId++;
            check.lastStarted = now;
            check.deadline = now.plus(runTimeout);
            orders.add(new RunOrder(check.definition, check.monitor, check.runId, check.deadline));
        }
        return orders;
    }

    /**
     * A run finished (normally or by an exception). Schedules the next run one interval from now.
     *
     * @return whether its result should be acted on: false when the check was removed, stopped or paused while it
     *         ran, or the run had overrun its timeout
     */
    public boolean completed(String name, long runId) {
        ScheduledCheck check = checks.get(name);
        if (check == null || check.runId != runId || !check.busy) {
            return false;
        }
        check.busy = false;
        if (check.timedOut) {
            check.timedOut = false;
            return false;
        }
        if (!check.scheduled()) {
            return false;
        }
        check.scheduleAfterInterval(now());
        return true;
    }

    /**
     * Runs that passed their deadline, now given up on: their result will be dropped and the check is scheduled
     * one interval from now, but it is not started again until the overrunning run returns.
     */
    public List<RunOrder> overdue() {
        Instant now = now();
        List<RunOrder> late = new ArrayList<>();
        for (ScheduledCheck check : checks.values()) {
            if (check.busy && !check.timedOut && !check.deadline.isAfter(now)) {
                check.timedOut = true;
                if (check.scheduled()) {
                    check.scheduleAfterInterval(now);
                }
                late.add(new RunOrder(check.definition, check.monitor, check.runId, check.deadline));
            }
        }
        return late;
    }

    /** The next time something is due: a run or a deadline. Empty when nothing is scheduled. */
    public Optional<Instant> nextWakeup() {
        Instant earliest = null;
        for (ScheduledCheck check : checks.values()) {
            Instant candidate = null;
            if (check.busy) {
                candidate = check.timedOut ? null : check.deadline;
            } else if (check.scheduled()) {
                candidate = check.nextRun;
            }
            if (candidate != null && (earliest == null || candidate.isBefore(earliest))) {
                earliest = candidate;
            }
        }
        return Optional.ofNullable(earliest);
    }

    // ---- SchedulerControl: what actions do ----

    @Override
    public boolean exists(String name) {
        return checks.containsKey(name);
    }

    @Override
    public boolean stop(String name) {
        ScheduledCheck check = checks.get(name);
        if (check == null || !check.scheduled()) {
            return false;
        }
        check.nextRun = null;
        return true;
    }

    @Override
    public boolean start(String name, Optional<Duration> newInterval) {
        ScheduledCheck check = checks.get(name);
        if (check == null) {
            return false;
        }
        newInterval.ifPresent(interval -> check.interval = interval);
        if (check.scheduled() || paused) {
            // Under a PAUSE nothing runs; the check runs again on RESUME.
            if (paused && !check.scheduled()) {
                pausedByRequest.add(name);
            }
            return false;
        }
        check.nextRun = now().plus(check.interval);
        return true;
    }

    @Override
    public void pause(String name, Duration delay) {
        ScheduledCheck check = checks.get(name);
        if (check != null && !paused) {
            check.nextRun = now().plus(delay);
        }
    }

    @Override
    public void remove(String name) {
        ScheduledCheck check = checks.remove(name);
        pausedByRequest.remove(name);
        if (check != null) {
            retired.add(check.monitor);
        }
    }

    @Override
    public void requestExit(ExitReason reason) {
        if (exit == null) {
            exit = Objects.requireNonNull(reason, "reason");
        }
    }

    public Optional<ExitReason> exitRequested() {
        return Optional.ofNullable(exit);
    }

    /** Monitors of removed checks, to be closed by the caller; the list is emptied. */
    public List<Monitor> takeRetired() {
        List<Monitor> taken = List.copyOf(retired);
        retired.clear();
        return taken;
    }

    // ---- lemsctl requests (Reference 24.5, 16.1-16.4) ----

    /** {@code PAUSE}: stops every scheduled check, remembering which were scheduled. */
    public void pauseAll() {
        paused = true;
        for (ScheduledCheck check : checks.values()) {
            if (check.scheduled()) {
                pausedByRequest.add(check.name());
                check.nextRun = null;
            }
        }
    }

    /**
     * {@code RESUME}: schedules again, one interval from now, the checks that PAUSE stopped; a check that was
     * stopped before the PAUSE stays stopped.
     */
    public void resumeAll() {
        Instant now = now();
        paused = false;
        for (String name : pausedByRequest) {
            ScheduledCheck check = checks.get(name);
            if (check != null && !check.scheduled()) {
                check.nextRun = now.plus(check.interval);
            }
        }
        pausedByRequest.clear();
    }

    /** {@code PAUSE monitor}: stops one check; a later RESUME of everything leaves it stopped. */
    public boolean pauseOne(String name) {
        if (!checks.containsKey(name)) {
            return false;
        }
        stop(name);
        pausedByRequest.remove(name);
        return true;
    }

    /**
     * {@code RESUME monitor}: schedules one check one interval from now, even during a PAUSE of everything.
     *
     * @return the interval after which it runs, empty when there is no such check
     */
    public Optional<Duration> resumeOne(String name) {
        ScheduledCheck check = checks.get(name);
        if (check == null) {
            return Optional.empty();
        }
        pausedByRequest.remove(name);
        if (!check.scheduled() && !check.interval.isZero()) {
            check.nextRun = now().plus(check.interval);
        }
        return Optional.of(check.interval);
    }

    /** Whether a PAUSE of everything is in force. */
    public boolean isPaused() {
        return paused;
    }

    public Optional<CheckStatus> status(String name) {
        ScheduledCheck check = checks.get(name);
        return check == null ? Optional.empty() : Optional.of(snapshot(check));
    }

    /** Every check, in configuration order (installed ones last). */
    public List<CheckStatus> statuses() {
        List<CheckStatus> all = new ArrayList<>();
        for (ScheduledCheck check : checks.values()) {
            all.add(snapshot(check));
        }
        return List.copyOf(all);
    }

    private static CheckStatus snapshot(ScheduledCheck check) {
        return new CheckStatus(check.definition, check.monitor, Optional.ofNullable(check.nextRun), check.interval,
                check.busy);
    }
}

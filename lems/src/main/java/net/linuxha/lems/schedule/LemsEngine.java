package net.linuxha.lems.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.lems.action.ActionExecutor;
import net.linuxha.lems.action.ExitReason;
import net.linuxha.lems.action.SchedulerControl;
import net.linuxha.lems.model.CheckText;
import net.linuxha.lems.model.Seconds;
import net.linuxha.lems.server.LemsOperations;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Schedule}: one scheduler thread decides what is due and acts on results; checks run on worker
 * threads, so a slow or hanging check cannot hold up the others (the Perl Lems was single-threaded and could).
 * A run that overruns its check's timeout is interrupted and its result dropped. A check is never run twice at
 * once, so the workers in use never outnumber the checks.
 *
 * <p>Action lists run on the scheduler thread, outside the lock; request handling ({@link LemsOperations}) may come
 * from any thread.
 */
public final class LemsEngine implements LemsOperations, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LemsEngine.class);
    /** The scheduler looks at the clock at least this often, so a clock that jumps is noticed. */
    private static final Duration MAX_SLEEP = Duration.ofSeconds(1);

    private final Object lock = new Object();
    private final Schedule schedule;
    private final ActionExecutor actions;
    private final ExecutorService workers;
    private final Map<String, Future<?>> running = new HashMap<>();
    private final Deque<Finished> finished = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread scheduler;
    private boolean closed;
    private volatile ExitReason exitReason;

    /**
     * @param actionsFor makes the action executor from the schedule control this engine offers it
     */
    public LemsEngine(Clock clock, Function<SchedulerControl, ActionExecutor> actionsFor) {
        this(clock, Schedule.DEFAULT_RUN_TIMEOUT, actionsFor);
    }

    /**
     * @param runTimeout how long one run of a check may take before it is interrupted and its result dropped
     * @param actionsFor makes the action executor from the schedule control this engine offers it
     */
    public LemsEngine(Clock clock, Duration runTimeout, Function<SchedulerControl, ActionExecutor> actionsFor) {
        this.schedule = new Schedule(clock, runTimeout);
        this.actions = actionsFor.apply(new LockedControl());
        this.workers = Executors.newCachedThreadPool(new CheckThreads());
    }

    /** Adds a check before or after {@link #start()}. */
    public void add(LemsCheck definition, Monitor monitor) {
        synchronized (lock) {
            schedule.add(definition, monitor);
            lock.notifyAll();
        }
    }

    /** Starts the scheduler thread. */
    public void start() {
        synchronized (lock) {
            if (scheduler != null) {
                throw new IllegalStateException("Lems engine already started");
            }
            scheduler = new Thread(this::loop, "lems-scheduler");
            scheduler.start();
        }
    }

    /** Waits until the scheduler stops (an exit was requested or the engine closed). */
    public Optional<ExitReason> awaitExit(Duration timeout) throws InterruptedException {
        if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        return Optional.ofNullable(exitReason);
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            schedule.requestExit(ExitReason.CLOSED);
            lock.notifyAll();
        }
        Thread thread;
        synchronized (lock) {
            thread = scheduler;
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            shutDown();
        }
    }

    private void loop() {
        try {
            while (true) {
                List<Finished> results = takeResults();
                if (results == null) {
                    break;
                }
                for (Finished done : results) {
                    actions.onResult(done.order.definition(), done.result);
                }
                if (!planAndWait()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The Lems scheduler failed: {}; Lems stops monitoring", e.toString(), e);
        } finally {
            synchronized (lock) {
                exitReason = schedule.exitRequested().orElse(ExitReason.CLOSED);
            }
            shutDown();
            stopped.countDown();
        }
    }

    /** Results that should be acted on; null when the engine should stop. */
    private List<Finished> takeResults() {
        synchronized (lock) {
            if (schedule.exitRequested().isPresent()) {
                return null;
            }
            List<Finished> actionable = new ArrayList<>();
            while (!finished.isEmpty()) {
                Finished done = finished.poll();
                running.remove(done.order.name(), done.future);
                if (schedule.completed(done.order.name(), done.order.runId()) && done.result != null) {
                    actionable.add(done);
                }
            }
            return actionable;
        }
    }

    /** Starts due checks, gives up on overdue ones and sleeps until the next event; false to stop. */
    private boolean planAndWait() throws InterruptedException {
        synchronized (lock) {
            closeRetired();
            if (schedule.exitRequested().isPresent()) {
                return false;
            }
            for (RunOrder late : schedule.overdue()) {
                LOG.warn("Check {} did not finish within {} seconds; its result will be ignored and it is not run "
                        + "again until it returns (make the monitor return sooner: a run may take at most that "
                        + "long)", late.name(), Seconds.format(schedule.runTimeout()));
                Future<?> future = running.get(late.name());
                if (future != null) {
                    future.cancel(true);
                }
            }
            for (RunOrder order : schedule.startDue()) {
                submit(order);
            }
            if (!finished.isEmpty()) {
                return true;
            }
            Instant now = schedule.now();
            Duration sleep = schedule.nextWakeup().map(next -> Duration.between(now, next)).orElse(MAX_SLEEP);
            if (sleep.compareTo(MAX_SLEEP) > 0) {
                sleep = MAX_SLEEP;
            }
            long millis = Math.max(1, (sleep.toNanos() + 999_999) / 1_000_000);
            lock.wait(millis);
            return true;
        }
    }

    /** Called under the lock, so the worker's own bookkeeping (also under the lock) sees its future. */
    private void submit(RunOrder order) {
        running.put(order.name(), workers.submit(() -> runCheck(order)));
    }

    private void runCheck(RunOrder order) {
        CheckResult result = null;
        try {
            result = Objects.requireNonNull(order.monitor().check(), "check() returned null");
            LOG.debug("Check {} returned {}", order.name(), result.returnCode());
        } catch (InterruptedException e) {
            LOG.debug("Check {} was interrupted", order.name());
        } catch (Exception e) {
            LOG.warn("Check {} ({}) failed: {}; no action taken this time", order.name(),
                    CheckText.moduleLine(order.definition()), e.toString());
        } catch (Error e) {
            LOG.error("Check {} ({}) failed badly: {}", order.name(), CheckText.moduleLine(order.definition()), e, e);
        } finally {
            synchronized (lock) {
                finished.add(new Finished(order, result, running.get(order.name())));
                lock.notifyAll();
            }
        }
    }

    private void closeRetired() {
        for (Monitor monitor : schedule.takeRetired()) {
            try {
                monitor.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing a removed monitor failed: {}", e.toString());
            }
        }
    }

    private void shutDown() {
        synchronized (lock) {
            for (Monitor monitor : schedule.takeRetired()) {
                monitor.close();
            }
            for (CheckStatus status : schedule.statuses()) {
                try {
                    status.monitor().close();
                } catch (RuntimeException e) {
                    LOG.warn("Closing monitor {} failed: {}", status.name(), e.toString());
                }
            }
        }
        workers.shutdownNow();
    }

    // ---- LemsOperations ----

    @Override
    public Instant now() {
        return schedule.now();
    }

    @Override
    public List<CheckStatus> statuses() {
        synchronized (lock) {
            return schedule.statuses();
        }
    }

    @Override
    public Optional<CheckStatus> status(String name) {
        synchronized (lock) {
            return schedule.status(name);
        }
    }

    @Override
    public void pauseAll() {
        synchronized (lock) {
            schedule.pauseAll();
            lock.notifyAll();
        }
    }

    @Override
    public void resumeAll() {
        synchronized (lock) {
            schedule.resumeAll();
            lock.notifyAll();
        }
    }

    @Override
    public boolean pauseOne(String name) {
        synchronized (lock) {
            return schedule.pauseOne(name);
        }
    }

    @Override
    public Optional<Duration> resumeOne(String name) {
        synchronized (lock) {
            Optional<Duration> interval = schedule.resumeOne(name);
            lock.notifyAll();
            return interval;
        }
    }

    @Override
    public boolean remove(String name) {
        synchronized (lock) {
            if (!schedule.exists(name)) {
                return false;
            }
            schedule.remove(name);
            closeRetired();
            return true;
        }
    }

    @Override
    public boolean install(LemsCheck definition, Monitor monitor) {
        synchronized (lock) {
            if (schedule.exists(definition.name())) {
                return false;
            }
            schedule.add(definition, monitor);
            lock.notifyAll();
            return true;
        }
    }

    @Override
    public void requestExit(ExitReason reason) {
        synchronized (lock) {
            schedule.requestExit(reason);
            lock.notifyAll();
        }
    }

    /** The schedule seen by action lists: every call under the engine's lock. */
    private final class LockedControl implements SchedulerControl {
        @Override
        public boolean exists(String check) {
            synchronized (lock) {
                return schedule.exists(check);
            }
        }

        @Override
        public boolean stop(String check) {
            synchronized (lock) {
                return schedule.stop(check);
            }
        }

        @Override
        public boolean start(String check, Optional<Duration> newInterval) {
            synchronized (lock) {
                boolean started = schedule.start(check, newInterval);
                lock.notifyAll();
                return started;
            }
        }

        @Override
        public void pause(String check, Duration delay) {
            synchronized (lock) {
                schedule.pause(check, delay);
            }
        }

        @Override
        public void remove(String check) {
            synchronized (lock) {
                schedule.remove(check);
            }
        }

        @Override
        public void requestExit(ExitReason reason) {
            LemsEngine.this.requestExit(reason);
        }
    }

    private record Finished(RunOrder order, CheckResult result, Future<?> future) {
    }

    /** Daemon threads named after nothing in particular; the check's name goes in log lines instead. */
    private static final class CheckThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "lems-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}

package net.linuxha.net.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import net.linuxha.net.NetAction;
import net.linuxha.net.NetControl;
import net.linuxha.net.NetDaemonCore;
import net.linuxha.net.io.ActionExecutor;
import net.linuxha.net.io.CarrierPoller;
import net.linuxha.net.io.LogSink;
import net.linuxha.net.io.NetDaemonDriver;

/**
 * The running network daemon: one loop thread ({@code clnetd-loop}) owns the decisions and does every poll, move and
 * request in turn, so the decisions stay single-threaded; a scanner thread notices addresses added and removed by
 * others. The loop polls every card's carrier at {@link NetDaemonCore#nextWakeup} (the poll interval, or earlier when
 * a hold or settle time runs out).
 *
 * <p>Build it with {@link NetDaemonParts}; {@link #start()} reads the topology and starts polling.
 */
public final class NetDaemon implements AutoCloseable {

    private final NetDaemonCore core;
    private final NetDaemonDriver driver;
    private final NetControl control;
    private final AddressScanner scanner;
    private final Duration scanInterval;
    private final Clock clock;
    private final List<AutoCloseable> resources;
    private final LogSink log;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(named("clnetd-loop"));
    private final ScheduledExecutorService scan = Executors.newSingleThreadScheduledExecutor(named("clnetd-scan"));

    public NetDaemon(NetDaemonParts parts) {
        this.core = new NetDaemonCore(parts.timings());
        this.log = parts.log();
        this.clock = parts.clock();
        ActionExecutor executor = new ActionExecutor(parts.mover(), parts.cldaemon(), parts.topology(), log);
        this.driver = new NetDaemonDriver(core, new CarrierPoller(parts.links(), log), executor, clock, log);
        this.control = new NetControl(core);
        this.scanner = new AddressScanner(parts.addresses(), events -> submit(() -> events.forEach(driver::handle)),
                log);
        this.scanInterval = parts.scanInterval();
        this.resources = parts.resources();
    }

    /** Reads this node's networks, then polls the cards and scans the addresses until {@link #close()}. */
    public void start() {
        submit(() -> {
            driver.carryOut(List.of(new NetAction.RescanTopology()));
            poll();
        });
        scan.scheduleWithFixedDelay(scanner, scanInterval.toMillis(), scanInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A {@code clnetdctl} request answered by the decisions ({@code REREAD}, {@code NET_STATUS}), on the loop
     * thread; the actions it leads to (the rescan of REREAD) are carried out before the answer is given.
     */
    public CompletionStage<String> control(String verb, List<String> arguments) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                try {
                    NetControl.Answer result = control.handle(verb, arguments, clock.instant());
                    driver.carryOut(result.actions());
                    answer.complete(result.text());
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            answer.complete("ERROR the network daemon is stopping");
        }
        return answer;
    }

    /** The networks monitored now, for tests and start-up messages; asked on the loop thread. */
    public CompletionStage<List<String>> networks() {
        return CompletableFuture.supplyAsync(core::networks, loop);
    }

    private void poll() {
        try {
            driver.pollOnce();
        } catch (RuntimeException e) {
            log.log(NetAction.Log.error("Network daemon poll failed: " + e + " - polling continues"));
        }
        Instant now = clock.instant();
        long delay = Math.max(0, Duration.between(now, core.nextWakeup(now)).toNanos());
        try {
            loop.schedule(this::poll, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // close() was called: the loop ends here.
        }
    }

    private void submit(Runnable work) {
        try {
            loop.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.log(NetAction.Log.error("Network daemon loop failed: " + e + " - monitoring continues"));
                }
            });
        } catch (RejectedExecutionException stopping) {
            // close() was called: nothing more to do.
        }
    }

    @Override
    public void close() {
        scan.shutdownNow();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.log(NetAction.Log.warn("Could not stop " + resource + ": " + e.getMessage()));
            }
        }
        loop.shutdown();
        try {
            if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            loop.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

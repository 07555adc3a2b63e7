package net.linuxha.common.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Kills a process and everything it started: TERM first, KILL after a grace period. */
final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * The descendants are listed before anything is signalled: once the parent dies they are re-parented and can
     * no longer be found through it.
     */
    static void kill(ProcessHandle root, Duration grace) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        all.addAll(root.descendants().collect(Collectors.toList()));
        for (ProcessHandle handle : all) {
            handle.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : all) {
            long left = deadline - System.nanoTime();
            if (left > 0 && handle.isAlive()) {
                awaitExit(handle, left);
            }
        }
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : all) {
            awaitExit(handle, TimeUnit.SECONDS.toNanos(5));
        }
    }

    private static void awaitExit(ProcessHandle handle, long nanos) throws InterruptedException {
        CompletableFuture<ProcessHandle> exit = handle.onExit();
        try {
            exit.get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Still alive (or not ours to wait for): the caller escalates or gives up.
        }
    }
}

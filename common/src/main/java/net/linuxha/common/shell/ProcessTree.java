package net.linuxha.common.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        awaitAllExited(all, grace.toNanos());
        for (ProcessHandle handle : all) {
            if (isRunning(handle)) {
                handle.destroyForcibly();
            }
        }
        awaitAllExited(all, TimeUnit.SECONDS.toNanos(5));
    }

    /** Polls rather than using onExit(), which for processes that are not our children polls with long backoff. */
    private static void awaitAllExited(List<ProcessHandle> handles, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (handles.stream().anyMatch(ProcessTree::isRunning) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /**
     * Alive and not a zombie. A killed grandchild is re-parented to init, and until init reaps it,
     * {@link ProcessHandle#isAlive()} still says true although it holds no resources and can do nothing.
     */
    static boolean isRunning(ProcessHandle handle) {
        return handle.isAlive() && !isZombie(handle.pid());
    }

    static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::isRunning).orElse(false);
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}

package net.linuxha.cli.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a start has done so far, to be undone in reverse order when a later step fails: each step registers its undo
 * before it runs, so a step that fails half way (two of three file systems mounted) is undone too. Undo actions
 * must tolerate finding their work not done.
 */
public final class Rollback {

    /** One undo action. */
    @FunctionalInterface
    public interface Undo {
        void run() throws Exception;
    }

    private record Step(String what, Undo undo) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Rollback.class);

    private final Deque<Step> steps = new ArrayDeque<>();

    /** Registers {@code undo}, described as {@code what} in the log. */
    public void push(String what, Undo undo) {
        steps.push(new Step(Objects.requireNonNull(what, "what"), Objects.requireNonNull(undo, "undo")));
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Runs every undo action, newest first; one that fails is logged and the rest still run.
     *
     * @return true when every action succeeded (the node is clean)
     */
    public boolean run() {
        boolean clean = true;
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            LOG.info("Rolling back: {}...", step.what());
            try {
                step.undo().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.error("Rolling back '{}' was interrupted", step.what());
                clean = false;
            } catch (Exception e) {
                LOG.error("Rolling back '{}' failed: {}", step.what(), e.getMessage());
                clean = false;
            }
        }
        return clean;
    }
}

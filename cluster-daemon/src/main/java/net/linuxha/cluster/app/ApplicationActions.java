package net.linuxha.cluster.app;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import net.linuxha.common.app.ForceLevel;

/**
 * How the cluster daemon starts and stops an application on its own node: START_APP, STOP_APP, FAILOVER, the
 * take-over of a dead node's applications (21.3) and the halt-node reset. The one seam between the daemon's
 * decisions and the application tools; {@link ToolApplicationActions} runs clstartapp / clhaltapp.
 *
 * <p>Both methods return as soon as the action is under way (STOP_APP answers {@code OK <pid>} at once, 17.5);
 * the outcome completes when the action has finished. The tools report the states themselves (STARTING_APP,
 * STARTED_APP, STOPPING_APP, STOPPED_APP); the daemon uses the outcome only to clean up after a failure.
 * Implementations must not block the caller for long and must never throw: a failure to launch is a completed
 * failed outcome that says what is missing.
 */
public interface ApplicationActions {

    /**
     * Starts {@code application} on this node.
     *
     * @param force {@link ForceLevel#NONE} for START_APP; a take-over passes the application's
     *              {@code TakeoverMode.takeoverForce()} (the peer is gone, so at least --force)
     */
    Launched start(String application, ForceLevel force);

    /** Stops {@code application} on this node. */
    Launched stop(String application);

    /** An action under way: the process doing it ({@code -1} if none could be started) and how it ended. */
    record Launched(long pid, CompletionStage<ActionResult> outcome) {
        public Launched {
            Objects.requireNonNull(outcome, "outcome");
        }

        /** An action that could not even start, with the reason. */
        public static Launched failed(String reason) {
            return new Launched(-1, CompletableFuture.completedFuture(ActionResult.failure(reason)));
        }
    }

    /** How an action ended; {@code detail} says what went wrong and where to look. */
    record ActionResult(boolean succeeded, String detail) {
        public ActionResult {
            Objects.requireNonNull(detail, "detail");
        }

        public static ActionResult success(String detail) {
            return new ActionResult(true, detail);
        }

        public static ActionResult failure(String detail) {
            return new ActionResult(false, detail);
        }
    }
}

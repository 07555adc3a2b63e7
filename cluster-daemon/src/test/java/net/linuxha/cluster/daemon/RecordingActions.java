package net.linuxha.cluster.daemon;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import net.linuxha.cluster.app.ApplicationActions;
import net.linuxha.common.app.ForceLevel;

/**
 * The {@link ApplicationActions} seam for tests: records {@code start app FORCE} / {@code stop app} and finishes
 * each action at once, successfully, as clstartapp / clhaltapp would after doing their work.
 */
final class RecordingActions implements ApplicationActions {

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public Launched start(String application, ForceLevel force) {
        calls.add("start " + application + " " + force);
        return new Launched(4242, CompletableFuture.completedFuture(ActionResult.success("started (test)")));
    }

    @Override
    public Launched stop(String application) {
        calls.add("stop " + application);
        return new Launched(4343, CompletableFuture.completedFuture(ActionResult.success("stopped (test)")));
    }
}

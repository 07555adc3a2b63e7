package net.linuxha.cli.clrunapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The clrunapp options handed on to every clstartapp it runs (19.2), the dependencies' included, as clform hands
 * {@code --force} on to the applications it starts (19.3).
 *
 * @param force       clstartapp {@code --force}: start although the other node cannot replicate
 * @param reallyForce clstartapp {@code --reallyforce}: start on possibly stale data
 * @param noLocking   clstartapp {@code --nolocking}
 * @param noChecksums clstartapp {@code --nochecksums}
 * @param noLogging   leave out clstartapp's {@code --verbose} (19.2 {@code --nologging})
 */
record StartFlags(boolean force, boolean reallyForce, boolean noLocking, boolean noChecksums, boolean noLogging) {

    /** {@code --application X --maxdelay N [--verbose] [--force] ...}, the order of the Reference's samples. */
    List<String> clstartappArgs(String application, Duration maxDelay) {
        List<String> args = new ArrayList<>(List.of("--application", application, "--maxdelay",
                Long.toString(maxDelay.toSeconds())));
        if (!noLogging) {
            args.add("--verbose");
        }
        if (reallyForce) {
            args.add("--reallyforce");
        } else if (force) {
            args.add("--force");
        }
        if (noLocking) {
            args.add("--nolocking");
        }
        if (noChecksums) {
            args.add("--nochecksums");
        }
        return args;
    }
}

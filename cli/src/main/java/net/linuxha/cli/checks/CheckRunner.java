package net.linuxha.cli.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs checks in order, all of them (a failure does not stop the others, so the administrator sees every problem at
 * once), skipping only those whose required checks did not pass.
 */
public final class CheckRunner {

    private final CheckListener listener;
    private final Set<String> passed = new HashSet<>();

    public CheckRunner(CheckListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Runs {@code checks}; checks of earlier runs of this runner count for {@link Check#requires()}. */
    public CheckReport run(List<? extends Check> checks) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (Check check : checks) {
            List<String> missing = check.requires().stream().filter(r -> !passed.contains(r)).toList();
            if (!missing.isEmpty()) {
                listener.skipped(check, missing);
                outcomes.add(new CheckOutcome(check.name(), List.of(), true));
                continue;
            }
            listener.starting(check);
            List<CheckResult> results = runOne(check);
            results.forEach(r -> listener.result(check, r));
            CheckOutcome outcome = new CheckOutcome(check.name(), results, false);
            if (outcome.passed()) {
                passed.add(check.name());
            }
            outcomes.add(outcome);
        }
        return new CheckReport(outcomes);
    }

    private static List<CheckResult> runOne(Check check) {
        try {
            List<CheckResult> results = check.run();
            return results.isEmpty() ? List.of(CheckResult.ok(check.description() + ": done")) : results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(CheckResult.fail(check.description() + " was interrupted", "run the command again"));
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            return List.of(CheckResult.fail(check.description() + " could not be completed: " + why,
                    "correct the cause named above and run the command again"));
        }
    }
}

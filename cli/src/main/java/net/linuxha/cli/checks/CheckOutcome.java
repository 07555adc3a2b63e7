package net.linuxha.cli.checks;

import java.util.List;
import java.util.Objects;

/** What one check reported, or that it was skipped because a check it requires did not pass. */
public record CheckOutcome(String name, List<CheckResult> results, boolean skipped) {

    public CheckOutcome {
        Objects.requireNonNull(name, "name");
        results = List.copyOf(results);
    }

    /** Ran, and nothing failed. */
    public boolean passed() {
        return !skipped && results.stream().noneMatch(CheckResult::failed);
    }
}

package net.linuxha.cli.checks;

import java.util.List;
import java.util.Optional;

/** Every outcome of one run of checks, in order. */
public record CheckReport(List<CheckOutcome> outcomes) {

    public CheckReport {
        outcomes = List.copyOf(outcomes);
    }

    public List<CheckResult> results(CheckStatus status) {
        return outcomes.stream().flatMap(o -> o.results().stream()).filter(r -> r.status() == status).toList();
    }

    public List<CheckResult> failures() {
        return results(CheckStatus.FAIL);
    }

    public List<CheckResult> warnings() {
        return results(CheckStatus.WARN);
    }

    /** Nothing failed (warnings allowed). */
    public boolean ok() {
        return failures().isEmpty();
    }

    public Optional<CheckOutcome> outcome(String name) {
        return outcomes.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** A report of this run followed by {@code later}'s. */
    public CheckReport and(CheckReport later) {
        return new CheckReport(java.util.stream.Stream.concat(outcomes.stream(), later.outcomes().stream())
                .toList());
    }
}

package net.linuxha.cli.checks;

import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;

/**
 * Prints checks in the Reference's style (7.2.6): each check's progress line and passing results as INFO (shown
 * with --verbose), warnings as WARN and failures as ERROR lines, each followed by a line saying how to fix it.
 */
public final class LogCheckListener implements CheckListener {

    private final Logger log;

    public LogCheckListener(Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void starting(Check check) {
        log.info(check.description());
    }

    @Override
    public void result(Check check, CheckResult result) {
        switch (result.status()) {
            case OK -> log.info(result.message());
            case WARN -> {
                log.warn(result.message());
                log.warn("Fix: " + result.fix());
            }
            case FAIL -> {
                log.error(result.message());
                log.error("Fix: " + result.fix());
            }
        }
    }

    @Override
    public void skipped(Check check, List<String> missing) {
        log.info("Skipped: " + check.description() + " (needs " + String.join(", ", missing) + " to pass first)");
    }
}

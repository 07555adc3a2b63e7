package net.linuxha.cli.checks;

import java.util.List;

/** Sees checks as they run, so a long build shows progress ("the verbose option provides a progress indicator"). */
public interface CheckListener {

    void starting(Check check);

    void result(Check check, CheckResult result);

    void skipped(Check check, List<String> missing);
}

package net.linuxha.cli.checks;

import java.util.List;
import java.util.Objects;

/**
 * A check whose work is a function, for checks too small to deserve a class of their own (a file exists, a status
 * answer). The function runs when the check runs, so it can read what earlier checks found.
 */
public final class FunctionCheck implements Check {

    /** The work of the check. */
    @FunctionalInterface
    public interface Body {
        List<CheckResult> run() throws Exception;
    }

    private final String name;
    private final String description;
    private final Body body;

    public FunctionCheck(String name, String description, Body body) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.body = Objects.requireNonNull(body, "body");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<CheckResult> run() throws Exception {
        return body.run();
    }
}

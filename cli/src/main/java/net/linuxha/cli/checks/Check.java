package net.linuxha.cli.checks;

import java.util.List;

/**
 * One environment check of a build tool (clbuild 7.2.4, clbuildapp 8.3). A check gets what it needs in its
 * constructor, runs once and reports one or more {@link CheckResult}s; it changes nothing.
 *
 * <p>A check that needs another to have passed (everything on the other node needs ssh) names it in
 * {@link #requires()}; the {@link CheckRunner} then skips it when that one failed, so one cause is reported once.
 */
public interface Check {

    /** A short unique key, e.g. {@code ssh-to-peer}, used by {@link #requires()}. */
    String name();

    /** The progress line printed before it runs (verbose), e.g. "Checking IP address resolution". */
    String description();

    /** Names of checks that must have passed for this one to run. */
    default List<String> requires() {
        return List.of();
    }

    /** Runs the check. An exception counts as a failure whose message is the exception's. */
    List<CheckResult> run() throws Exception;

    /** This check, run only when the checks {@code names} (and its own requirements) passed. */
    default Check after(String... names) {
        Check check = this;
        List<String> all = new java.util.ArrayList<>(requires());
        all.addAll(List.of(names));
        List<String> requirements = List.copyOf(all);
        return new Check() {
            @Override
            public String name() {
                return check.name();
            }

            @Override
            public String description() {
                return check.description();
            }

            @Override
            public List<String> requires() {
                return requirements;
            }

            @Override
            public List<CheckResult> run() throws Exception {
                return check.run();
            }
        };
    }
}

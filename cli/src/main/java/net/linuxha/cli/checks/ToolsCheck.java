package net.linuxha.cli.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;

/**
 * Commands a node needs are on its PATH ({@code command -v}), e.g. the DRBD and LVM user-space tools on both nodes
 * (7.2.4). Missing required tools fail; missing optional ones warn (the Reference's network-monitoring fall-backs).
 */
public final class ToolsCheck implements Check {

    /** Prints each argument that is not a command on PATH, one per line. */
    static final String MISSING_SCRIPT = "for t; do command -v \"$t\" >/dev/null 2>&1 || echo \"$t\"; done";

    private final String name;
    private final NodeShell node;
    private final String what;
    private final List<String> required;
    private final List<String> optional;
    private final String fix;

    /**
     * @param what     the tools as a group, e.g. "DRBD administration tools"
     * @param fix      how to install them, e.g. "install drbd-utils"
     */
    public ToolsCheck(String name, NodeShell node, String what, List<String> required, List<String> optional,
                      String fix) {
        this.name = Objects.requireNonNull(name, "name");
        this.node = Objects.requireNonNull(node, "node");
        this.what = Objects.requireNonNull(what, "what");
        this.required = List.copyOf(required);
        this.optional = List.copyOf(optional);
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Checking for " + what + " on " + node.node();
    }

    @Override
    public List<CheckResult> run() {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", MISSING_SCRIPT, "sh"));
        argv.addAll(required);
        argv.addAll(optional);
        CommandResult result = node.runner().run(Command.of(argv).withTimeout(Duration.ofSeconds(30)));
        if (!result.succeeded()) {
            return List.of(CheckResult.fail("Cannot look for " + what + " on " + node.node() + ": "
                    + result.describeFailure(), "make sure " + node.node() + " is reachable and has a POSIX sh"));
        }
        List<String> missing = result.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<CheckResult> results = new ArrayList<>();
        List<String> missingRequired = required.stream().filter(missing::contains).toList();
        List<String> missingOptional = optional.stream().filter(missing::contains).toList();
        if (!missingRequired.isEmpty()) {
            results.add(CheckResult.fail(what + " missing on " + node.node() + ": "
                    + String.join(", ", missingRequired) + " not found on the PATH", fix));
        }
        if (!missingOptional.isEmpty()) {
            results.add(CheckResult.warn("Optional " + what + " missing on " + node.node() + ": "
                    + String.join(", ", missingOptional) + " not found on the PATH", fix));
        }
        if (results.isEmpty()) {
            results.add(CheckResult.ok(what + " found on " + node.node() + " ("
                    + String.join(", ", concat(required, optional)) + ")."));
        } else if (missingRequired.isEmpty()) {
            results.add(0, CheckResult.ok(what + " found on " + node.node() + " (" + String.join(", ", required)
                    + ")."));
        }
        return results;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

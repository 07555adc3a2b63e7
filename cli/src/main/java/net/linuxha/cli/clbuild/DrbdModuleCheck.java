package net.linuxha.cli.clbuild;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import net.linuxha.cli.checks.Check;
import net.linuxha.cli.checks.CheckResult;
import net.linuxha.cli.checks.NodeShell;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;

/**
 * "Checks to see if the DRBD kernel module exists and is loaded" (7.2.4). The module must be installed
 * ({@code modinfo drbd}); it need not be loaded now, because {@code drbdadm up} loads it when an application's
 * devices start. Unlike the 2005 tool, clbuild does not load it itself: a build should not change the kernel.
 */
final class DrbdModuleCheck implements Check {

    private final String name;
    private final NodeShell node;

    DrbdModuleCheck(String name, NodeShell node) {
        this.name = Objects.requireNonNull(name, "name");
        this.node = Objects.requireNonNull(node, "node");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Checking for the DRBD kernel module on " + node.node();
    }

    @Override
    public List<CheckResult> run() {
        CommandResult version = node.runner().run(Command.of("modinfo", "-F", "version", "drbd")
                .withTimeout(Duration.ofSeconds(20)));
        String text = version.stdout().strip();
        if (!version.succeeded() || text.isEmpty()) {
            return List.of(CheckResult.fail("No DRBD kernel module on " + node.node() + ": "
                    + version.describeFailure(), "install the DRBD 9 kernel module on " + node.node()
                    + " (e.g. the drbd-dkms or kmod-drbd9x package) and check with: modinfo drbd"));
        }
        boolean loaded = node.runner().run(Command.of("test", "-d", "/sys/module/drbd")
                .withTimeout(Duration.ofSeconds(20)).asProbe()).succeeded();
        return List.of(CheckResult.ok("DRBD kernel module " + text.lines().findFirst().orElse(text) + " found on "
                + node.node() + (loaded ? " (loaded)" : " (not loaded yet; drbdadm loads it when devices start)")));
    }
}

package net.linuxha.cli.clbuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import net.linuxha.cli.checks.Check;
import net.linuxha.cli.checks.CheckResult;

/** "Check that the /etc/cluster/clconf.xml file exists" (7.2.4). */
final class ConfigPresentCheck implements Check {

    static final String NAME = "config-present";

    private final Path clconf;

    ConfigPresentCheck(Path clconf) {
        this.clconf = Objects.requireNonNull(clconf, "clconf");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Checking for the cluster configuration file " + clconf;
    }

    @Override
    public List<CheckResult> run() {
        if (Files.isRegularFile(clconf)) {
            return List.of(CheckResult.ok("Found cluster configuration file " + clconf));
        }
        return List.of(CheckResult.fail("The cluster configuration file " + clconf + (Files.exists(clconf)
                ? " is not a regular file" : " does not exist"), "create it on this node (owned by root, mode 600); "
                + "etc-samples/clconf.xml of the distribution is a template (7.2)"));
    }
}

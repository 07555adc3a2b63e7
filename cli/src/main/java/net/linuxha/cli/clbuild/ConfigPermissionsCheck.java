package net.linuxha.cli.clbuild;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import net.linuxha.cli.checks.Check;
import net.linuxha.cli.checks.CheckResult;
import net.linuxha.common.config.ClconfPermissions;
import net.linuxha.common.config.ConfigException;

/** "Check that it is owned by root (0), and has no read access to anyone else" (7.2.4): it holds the key. */
final class ConfigPermissionsCheck implements Check {

    static final String NAME = "config-permissions";

    private final Path clconf;
    private final ClconfPermissions permissions;

    ConfigPermissionsCheck(Path clconf, ClconfPermissions permissions) {
        this.clconf = Objects.requireNonNull(clconf, "clconf");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> requires() {
        return List.of(ConfigPresentCheck.NAME);
    }

    @Override
    public String description() {
        return "Checking owner and permissions of " + clconf;
    }

    @Override
    public List<CheckResult> run() {
        try {
            permissions.check(clconf);
            return List.of(CheckResult.ok(clconf + " is owned by root and private (rw-------)"));
        } catch (ConfigException e) {
            return e.problems().stream().map(p -> CheckResult.fail(p.toString(),
                    "chown root " + clconf + "; chmod 600 " + clconf)).toList();
        }
    }
}

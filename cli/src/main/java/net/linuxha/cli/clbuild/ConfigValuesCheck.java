package net.linuxha.cli.clbuild;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.cli.checks.Check;
import net.linuxha.cli.checks.CheckResult;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.ConfigProblem;
import net.linuxha.common.config.Loaded;

/**
 * clconf.xml holds every mandatory value with a valid setting (7.2.4 "minimum number of values", "All mandatory
 * options which can not be defaulted are present"; the field rules of 7.2.1), checked by {@link ClusterConfig#load}.
 * Every problem is one failure; the loader's warnings are warnings, except the maxblockdevs one, which
 * {@link PoolSizesCheck} reports.
 */
final class ConfigValuesCheck implements Check {

    static final String NAME = "config-values";
    static final String MAXBLOCKDEVS_LOCATION = "<global><maxblockdevs>";

    private final Path clconf;
    private Loaded<ClusterConfig> loaded;

    ConfigValuesCheck(Path clconf) {
        this.clconf = Objects.requireNonNull(clconf, "clconf");
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
        return "Checking for required global entries";
    }

    /** The validated configuration, once the check passed. */
    Optional<Loaded<ClusterConfig>> loaded() {
        return Optional.ofNullable(loaded);
    }

    @Override
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        try {
            loaded = ClusterConfig.load(clconf);
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                results.add(CheckResult.fail(problem.toString(), "correct " + clconf + " as the message says (the "
                        + "fields are explained in Reference 7.2.1), then run clbuild again"));
            }
            return results;
        }
        ClusterConfig config = loaded.config();
        results.add(CheckResult.ok("Optional dataprotocol setting validated (" + config.dataProtocol() + ")."));
        results.add(CheckResult.ok("Checking configuration file version information: " + config.version()));
        results.add(CheckResult.ok("Checking data detail value: " + config.data() + " over " + config.dataDetail()));
        results.add(CheckResult.ok("Global section configuration validation complete"));
        results.add(CheckResult.ok("Checking cluster timing details: keepalive " + config.timings().keepalive()
                .toMillis() / 1000.0 + "s, warn " + config.timings().warn().toMillis() / 1000.0 + "s, dead "
                + config.timings().dead().toMillis() / 1000.0 + "s"));
        results.add(CheckResult.ok("Checking node section details: " + config.nodes().get(0).name() + ", "
                + config.nodes().get(1).name()));
        for (ConfigProblem warning : loaded.warnings()) {
            if (!warning.location().equals(MAXBLOCKDEVS_LOCATION)) {
                results.add(CheckResult.warn(warning.toString(), "change " + clconf + " as the message says, or "
                        + "accept the warning"));
            }
        }
        return results;
    }
}

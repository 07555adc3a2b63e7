package net.linuxha.cli.clrunapp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.ApplicationConfig;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.BuildStatus;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.PreferredNode;

/**
 * The appconf.xml of each application clrunapp starts, loaded and checked against its build checksum once (19.1: "If
 * a dependent application can not be validated when the package is started using clrunapp then it will not be
 * started").
 */
final class AppConfigs {

    private final ClusterPaths paths;
    private final boolean noChecksums;
    private final Map<String, ApplicationConfig> loaded = new HashMap<>();

    AppConfigs(ClusterPaths paths, boolean noChecksums) {
        this.paths = paths;
        this.noChecksums = noChecksums;
    }

    /**
     * Loads and checks {@code application}'s configuration.
     *
     * @throws ConfigException naming every problem of the file
     * @throws ToolException   ({@link ExitCode#CONFIG}) when the file is not the one clbuildapp built
     */
    ApplicationConfig validate(String application) throws ConfigException {
        ApplicationConfig config = loaded.get(application);
        if (config != null) {
            return config;
        }
        config = ApplicationConfig.load(paths.appconf(application)).config();
        if (!noChecksums) {
            BuildChecksum checksum = BuildChecksum.application(paths, application);
            BuildStatus status;
            try {
                status = checksum.status();
            } catch (IOException e) {
                throw new ToolException(ExitCode.CONFIG, "Cannot read " + checksum.configFile() + " or "
                        + checksum.checksumFile() + " to check the build of application " + application + " ("
                        + e.getMessage() + "); check both files, or run clbuildapp --application " + application
                        + " --build.");
            }
            if (status != BuildStatus.VALID) {
                List<String> lines = new ArrayList<>(checksum.messageLines(status));
                lines.add("(--nochecksums starts it anyway: only use in emergencies.)");
                throw new ToolException(ExitCode.CONFIG, String.join("\n", lines));
            }
        }
        loaded.put(application, config);
        return config;
    }

    /** preferred_node of an application validated before; empty when it has none or was not loaded. */
    Optional<PreferredNode> preferredNode(String application) {
        return Optional.ofNullable(loaded.get(application)).flatMap(ApplicationConfig::preferredNode);
    }

    /** {@code --timeout}, else the application's maxstarttime (30 s unless configured, 19.2). */
    Duration startLimit(String application, Optional<Duration> override) {
        return override.orElseGet(() -> Optional.ofNullable(loaded.get(application))
                .map(ApplicationConfig::maxStartTime).orElse(ApplicationConfig.DEFAULT_MAX_TIME));
    }
}

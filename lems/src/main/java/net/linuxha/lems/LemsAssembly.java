package net.linuxha.lems;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.common.config.LemsConfig;
import net.linuxha.lems.action.ActionExecutor;
import net.linuxha.lems.action.ClusterDaemonLink;
import net.linuxha.lems.modules.MonitorRegistry;
import net.linuxha.lems.schedule.LemsEngine;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires a Lems engine from a configuration: validates each check by creating its monitor (a check whose monitor
 * cannot be made is logged and left out, Reference 24.6), and gives the engine its action executor. Starting the
 * engine and the request server is the caller's step.
 */
public final class LemsAssembly {

    private static final Logger LOG = LoggerFactory.getLogger(LemsAssembly.class);

    private LemsAssembly() {
    }

    /** The result: the engine (not started), the checks it runs, and the names of checks left out with why. */
    public record Built(LemsEngine engine, List<String> accepted, List<Rejected> rejected) {
        public Built {
            accepted = List.copyOf(accepted);
            rejected = List.copyOf(rejected);
        }
    }

    /** A check whose monitor could not be made; {@code reason} says what to fix. */
    public record Rejected(String check, String reason) {
    }

    /**
     * @param logsDir    where RUNCMD output goes (the {@code logs} of the globals, as placed by the daemon)
     * @param context    the context shared by all monitors (its check name is replaced per check)
     * @param runTimeout how long one run of a check may take
     */
    public static Built build(String application, LemsConfig config, Path logsDir, MonitorRegistry registry,
                              MonitorContext context, Clock clock, Duration runTimeout, ClusterDaemonLink cluster) {
        Objects.requireNonNull(config, "config");
        LOG.info("Using modules from : {}", config.modules());
        LOG.info("Using programs from : {}", config.programs());
        LOG.info("Writing logs to : {}", logsDir);
        LemsEngine engine = new LemsEngine(clock, runTimeout, control -> new ActionExecutor(application, control,
                cluster, context.programs(), config.programs(), logsDir));
        List<String> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (LemsCheck check : config.checks()) {
            LOG.info("Validating monitor entry {}...", check.name());
            try {
                Monitor monitor = registry.create(check, context);
                engine.add(check, monitor);
                accepted.add(check.name());
                LOG.info("Validated monitor entry {} successfully.", check.name());
            } catch (MonitorCreationException e) {
                LOG.error("Monitor entry {} left out: {}", check.name(), e.getMessage());
                rejected.add(new Rejected(check.name(), e.getMessage()));
            }
        }
        return new Built(engine, accepted, rejected);
    }
}

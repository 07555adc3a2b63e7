package net.linuxha.lems;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.lems.action.ActionExecutor;
import net.linuxha.lems.action.ClusterDaemonLink;
import net.linuxha.lems.model.CheckDefinition;
import net.linuxha.lems.model.LemsDefinition;
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

    /** The result: the engine (not started) and the names of checks left out. */
    public record Built(LemsEngine engine, List<String> rejected) {
    }

    /**
     * @param context the context shared by all monitors (its check name is replaced per check)
     */
    public static Built build(LemsDefinition definition, MonitorRegistry registry, MonitorContext context,
                              Clock clock, ClusterDaemonLink cluster) {
        Objects.requireNonNull(definition, "definition");
        LOG.info("Using modules from : {}", definition.modulesDir());
        LOG.info("Using programs from : {}", definition.programsDir());
        LOG.info("Writing logs to : {}", definition.logsDir());
        LemsEngine engine = new LemsEngine(clock, control -> new ActionExecutor(definition.application(), control,
                cluster, context.programs(), definition.programsDir(), definition.logsDir()));
        List<String> rejected = new ArrayList<>();
        for (CheckDefinition check : definition.checks()) {
            LOG.info("Validating monitor entry {}...", check.name());
            try {
                Monitor monitor = registry.create(check, context);
                engine.add(check, monitor);
                LOG.info("Validated monitor entry {} successfully.", check.name());
            } catch (MonitorCreationException e) {
                LOG.error("Monitor entry {} left out: {}", check.name(), e.getMessage());
                rejected.add(check.name());
            }
        }
        return new Built(engine, List.copyOf(rejected));
    }
}

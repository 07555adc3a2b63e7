package net.linuxha.lems.monitors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.MonitorFactory;
import net.linuxha.lems.spi.ProgramCall;
import net.linuxha.lems.spi.ProgramResult;
import net.linuxha.lems.spi.ProgramRunner;

/**
 * {@code agent_check lsb SCRIPT} or {@code agent_check ocf AGENT [name=value ...]}: asks an init script or an OCF
 * resource agent whether the service runs, and maps its answer to Lems return codes, so that an action list can
 * use the same codes as procmon:
 *
 * <pre>
 * return code   LSB "SCRIPT status"      OCF "AGENT monitor"
 *   0 running     exit 0                   exit 0 (OCF_SUCCESS)
 *   1 stopped     exit 3                   exit 7 (OCF_NOT_RUNNING)
 *   2 failed      any other exit           any other exit (errors, OCF_FAILED_MASTER ...)
 * </pre>
 *
 * OCF agents get {@code OCF_ROOT}, {@code OCF_RESOURCE_INSTANCE} (the check name), {@code OCF_RESOURCE_TYPE} and
 * an {@code OCF_RESKEY_name} for each {@code name=value} argument. RCDATA is {@code exit N}. An agent that does not
 * answer within 60 seconds is killed and counts as failed.
 */
public final class AgentCheck implements Monitor {

    static final Duration AGENT_TIMEOUT = Duration.ofSeconds(60);

    /** The kind of agent and how its exit codes map. */
    public enum Kind {
        LSB("status", 3),
        OCF("monitor", 7);

        private final String operation;
        private final int notRunning;

        Kind(String operation, int notRunning) {
            this.operation = operation;
            this.notRunning = notRunning;
        }

        /** 0 running, 1 stopped, 2 failed. */
        public int returnCode(int exitCode) {
            if (exitCode == 0) {
                return 0;
            }
            return exitCode == notRunning ? 1 : 2;
        }
    }

    private final Kind kind;
    private final ProgramCall call;
    private final ProgramRunner programs;
    private volatile String last = "not checked yet";

    AgentCheck(Kind kind, ProgramCall call, ProgramRunner programs) {
        this.kind = kind;
        this.call = call;
        this.programs = programs;
    }

    @Override
    public CheckResult check() throws Exception {
        ProgramResult result = programs.run(call, AGENT_TIMEOUT);
        if (result.timedOut()) {
            last = "timed out";
            return CheckResult.of(2, "timed out");
        }
        int rc = kind.returnCode(result.exitCode());
        last = "exit " + result.exitCode() + " (" + (rc == 0 ? "running" : rc == 1 ? "stopped" : "failed") + ")";
        return CheckResult.of(rc, "exit " + result.exitCode());
    }

    @Override
    public String detail() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + call.commandLine() + "," + last;
    }

    /** Makes {@code agent_check} monitors. */
    public static final class Factory implements MonitorFactory {
        @Override
        public String moduleName() {
            return "agent_check";
        }

        @Override
        public Monitor create(List<String> arguments, MonitorContext context) throws MonitorCreationException {
            if (arguments.size() < 2) {
                throw new MonitorCreationException("agent_check needs the agent kind and path: agent_check lsb "
                        + "/etc/init.d/apache2, or agent_check ocf /usr/lib/ocf/resource.d/heartbeat/apache "
                        + "[name=value ...]");
            }
            Kind kind;
            try {
                kind = Kind.valueOf(arguments.get(0).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new MonitorCreationException("agent_check kind '" + arguments.get(0)
                        + "' is neither lsb nor ocf", e);
            }
            Path agent = Path.of(arguments.get(1));
            if (!agent.isAbsolute() || !Files.isExecutable(agent)) {
                throw new MonitorCreationException("agent_check agent " + agent + " is not an executable file "
                        + "given by its full path; check the path and its mode");
            }
            List<String> parameters = arguments.subList(2, arguments.size());
            if (kind == Kind.LSB && !parameters.isEmpty()) {
                throw new MonitorCreationException("agent_check lsb takes only the script path, got also: "
                        + String.join(" ", parameters));
            }
            Map<String, String> environment = new LinkedHashMap<>();
            if (kind == Kind.OCF) {
                environment.put("OCF_ROOT", ocfRoot(agent).toString());
                environment.put("OCF_RESOURCE_INSTANCE", context.checkName());
                environment.put("OCF_RESOURCE_TYPE", agent.getFileName().toString());
                for (String parameter : parameters) {
                    int equals = parameter.indexOf('=');
                    if (equals <= 0) {
                        throw new MonitorCreationException("agent_check ocf parameter '" + parameter
                                + "' is not name=value");
                    }
                    environment.put("OCF_RESKEY_" + parameter.substring(0, equals),
                            parameter.substring(equals + 1));
                }
            }
            List<String> argv = new ArrayList<>(List.of(agent.toString(), kind.operation));
            return new AgentCheck(kind, new ProgramCall(argv, environment), context.programs());
        }

        /** {@code /usr/lib/ocf} for {@code /usr/lib/ocf/resource.d/provider/agent}, else the usual place. */
        private static Path ocfRoot(Path agent) {
            Path provider = agent.getParent();
            Path resourceD = provider == null ? null : provider.getParent();
            if (resourceD != null && resourceD.getFileName() != null
                    && resourceD.getFileName().toString().equals("resource.d") && resourceD.getParent() != null) {
                return resourceD.getParent();
            }
            return Path.of("/usr/lib/ocf");
        }
    }
}

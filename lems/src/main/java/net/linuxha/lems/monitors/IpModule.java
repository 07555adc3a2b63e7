package net.linuxha.lems.monitors;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.shell.IpDriver;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.MonitorFactory;
import net.linuxha.lems.spi.ProgramCall;
import net.linuxha.lems.spi.ProgramRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ip_module [application]} (Reference 24.4.2, 21.2.2): IP-level check of the application's networks. For
 * each network of its appconf.xml, in order: every service address must be on one of the network's cards on this
 * node (clconf.xml); then, when the network has a {@code checklist}, each host is pinged once ({@code ping -c1 -W1},
 * at most {@value #PING_SECONDS} s per host) and at least {@code checkpercent} percent must answer.
 *
 * <p>Return codes: 0 every network is fine (or the application has no service address); 1 an address is missing
 * or the checklist fell below checkpercent: the addresses should move ({@code RUN move_ip}), RCDATA is the failing
 * network's name (several: comma-separated). The networks are also left on the {@link NetworkTroubles} board for
 * {@code ip_move_interface}. Detail: one line per network, {@code network,ok} or {@code network,missing=ADDRESS...}
 * or {@code network,checklist=ANSWERED/TOTAL<PERCENT%}.
 */
public final class IpModule implements Monitor {

    static final int PING_SECONDS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(IpModule.class);

    private final ApplicationNetworks application;
    private final IpDriver ip;
    private final ProgramRunner programs;
    private final Optional<NetworkTroubles> troubles;
    private final Map<String, String> last = new LinkedHashMap<>();

    IpModule(ApplicationNetworks application, IpDriver ip, ProgramRunner programs,
             Optional<NetworkTroubles> troubles) {
        this.application = Objects.requireNonNull(application, "application");
        this.ip = Objects.requireNonNull(ip, "ip");
        this.programs = Objects.requireNonNull(programs, "programs");
        this.troubles = Objects.requireNonNull(troubles, "troubles");
    }

    @Override
    public CheckResult check() throws IOException, InterruptedException {
        if (application.networks().isEmpty()) {
            return CheckResult.of(0);
        }
        Map<String, ApplicationNetworks.Held> held = ApplicationNetworks.holders(ip.addresses());
        Map<String, String> now = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (ApplicationNetworks.Network network : application.networks()) {
            List<String> missing = network.ips().stream()
                    .filter(a -> !held.containsKey(a) || !network.cards().contains(held.get(a).card()))
                    .toList();
            if (!missing.isEmpty()) {
                now.put(network.name(), "missing=" + String.join(" ", missing));
                failed.add(network.name());
                troubles.ifPresent(t -> t.report(network.name(), NetworkTroubles.Kind.ADDRESS_MISSING));
                continue;
            }
            List<String> checklist = network.config().checklist();
            if (checklist.isEmpty()) {
                now.put(network.name(), "ok");
                continue;
            }
            int answered = 0;
            for (String host : checklist) {
                if (answers(host)) {
                    answered++;
                }
            }
            int percent = answered * 100 / checklist.size();
            if (percent < network.config().checkPercent()) {
                now.put(network.name(), "checklist=" + answered + "/" + checklist.size() + "<"
                        + network.config().checkPercent() + "%");
                failed.add(network.name());
                troubles.ifPresent(t -> t.report(network.name(), NetworkTroubles.Kind.CHECKLIST_FAILED));
            } else {
                now.put(network.name(), "ok");
            }
        }
        logChanges(now);
        return failed.isEmpty() ? CheckResult.of(0) : CheckResult.of(1, String.join(",", failed));
    }

    private boolean answers(String host) throws IOException, InterruptedException {
        return programs.run(ProgramCall.of(List.of("ping", "-c1", "-W1", host)), Duration.ofSeconds(PING_SECONDS))
                .exitCode() == 0;
    }

    private void logChanges(Map<String, String> now) {
        synchronized (last) {
            now.forEach((network, state) -> {
                if (!state.equals(last.get(network))) {
                    if (state.equals("ok")) {
                        LOG.info("ip_module: network {} of {} is fine", network, application.application());
                    } else {
                        LOG.warn("ip_module: network {} of {} needs its addresses moved: {}", network,
                                application.application(), state);
                    }
                }
            });
            last.clear();
            last.putAll(now);
        }
    }

    @Override
    public String detail() {
        synchronized (last) {
            List<String> lines = new ArrayList<>();
            last.forEach((network, state) -> lines.add(network + "," + state));
            return String.join("\n", lines);
        }
    }

    /** Makes {@code ip_module} monitors. */
    public static final class Factory implements MonitorFactory {
        @Override
        public String moduleName() {
            return "ip_module";
        }

        @Override
        public Monitor create(List<String> arguments, MonitorContext context) throws MonitorCreationException {
            String app = NetworkModules.application(moduleName(), arguments, context);
            return new IpModule(ApplicationNetworks.load(app, context, moduleName()),
                    RequiredServices.require(context, IpDriver.class, moduleName()), context.programs(),
                    context.services().find(NetworkTroubles.class));
        }
    }
}

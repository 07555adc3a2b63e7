package net.linuxha.lems.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.config.LemsConfig;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.wire.LemsRequest;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireServer;
import net.linuxha.lems.ConfiguredMonitorSource;
import net.linuxha.lems.LemsAssembly;
import net.linuxha.lems.action.ClusterDaemonLink;
import net.linuxha.lems.action.ExitReason;
import net.linuxha.lems.modules.MonitorRegistry;
import net.linuxha.lems.schedule.LemsEngine;
import net.linuxha.lems.server.LemsRequestHandler;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.ProgramRunner;
import net.linuxha.lems.spi.SystemFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Lems: the engine with the checks of lems.local.xml, and the wire server answering the Lems requests
 * on the port of its globals. {@link #start} returns once the server listens; {@link #awaitExit} waits until an
 * action (FAILOVER, HALTAPP) or an ABORT ends it, and {@link #close} stops everything, after the answers still
 * being sent.
 */
public final class LemsDaemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LemsDaemon.class);
    /** How long answers already made may take to reach the network when Lems stops. */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(5);

    private final LemsEngine engine;
    private final RequestLane lane;
    private final WireServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LemsDaemon(LemsEngine engine, RequestLane lane, WireServer server) {
        this.engine = engine;
        this.lane = lane;
        this.server = server;
    }

    /** What a Lems needs from the node around it. */
    public record Setup(String application, Path configFile, LemsConfig config, ClusterPaths paths,
                        WireContext wire, InetSocketAddress bind, ClusterDaemonLink cluster, ProgramRunner programs,
                        Clock clock, Duration runTimeout, Optional<LogControl> logging,
                        MonitorContext.Services services) {
        public Setup {
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(configFile, "configFile");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(paths, "paths");
            Objects.requireNonNull(wire, "wire");
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(programs, "programs");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(runTimeout, "runTimeout");
            Objects.requireNonNull(logging, "logging");
            Objects.requireNonNull(services, "services");
        }

        /** A Lems whose monitors get no daemon services (enough for procmon, flag_check and the like). */
        public Setup(String application, Path configFile, LemsConfig config, ClusterPaths paths, WireContext wire,
                     InetSocketAddress bind, ClusterDaemonLink cluster, ProgramRunner programs, Clock clock,
                     Duration runTimeout, Optional<LogControl> logging) {
            this(application, configFile, config, paths, wire, bind, cluster, programs, clock, runTimeout, logging,
                    MonitorContext.Services.none());
        }
    }

    /**
     * Builds the engine, starts listening, then starts the scheduler.
     *
     * @throws IOException naming the port when the server cannot listen; nothing is left running then
     */
    public static LemsDaemon start(Setup setup) throws IOException {
        Path logs = LemsLocations.logsDir(setup.config(), setup.paths());
        MonitorContext context = new MonitorContext(setup.application(), "", setup.paths(), setup.clock(),
                setup.programs(), SystemFiles.system(), setup.config().programs(), logs, setup.services());
        ClassLoader loader = LemsDaemon.class.getClassLoader();
        MonitorRegistry registry = MonitorRegistry.loadWithJars(setup.config().modules(), loader);
        LemsAssembly.Built built = LemsAssembly.build(setup.application(), setup.config(), logs, registry,
                context, setup.clock(), setup.runTimeout(), setup.cluster());
        LemsEngine engine = built.engine();
        ConfiguredMonitorSource source = new ConfiguredMonitorSource(
                ConfiguredMonitorSource.file(setup.configFile()),
                () -> MonitorRegistry.loadWithJars(setup.config().modules(), loader), context,
                setup.configFile().toString());
        LemsRequestHandler handler = new LemsRequestHandler(engine, source, setup.logging());
        RequestLane lane = new RequestLane(handler::handle);
        WireServer server;
        try {
            server = WireServer.start(setup.bind(), setup.wire(), LemsRequest.VOCABULARY, lane);
        } catch (IOException e) {
            lane.close();
            engine.close();
            throw e;
        }
        LOG.info("Listening on port : {}", server.localAddress().getPort());
        LOG.info("Global initialisation complete.");
        engine.start();
        LOG.info("Lems for {} monitors {} check(s)", setup.application(), built.accepted().size());
        return new LemsDaemon(engine, lane, server);
    }

    public InetSocketAddress address() {
        return server.localAddress();
    }

    public LemsEngine engine() {
        return engine;
    }

    /** Waits until Lems is told to stop; empty when {@code timeout} passed first. */
    public Optional<ExitReason> awaitExit(Duration timeout) throws InterruptedException {
        return engine.awaitExit(timeout);
    }

    /** Stops scheduling, lets answers already made reach the network, then stops listening. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        engine.close();
        try {
            if (!lane.drain(ANSWER_GRACE)) {
                LOG.warn("A request was still being answered when Lems stopped; its client gets no answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        lane.close();
    }
}

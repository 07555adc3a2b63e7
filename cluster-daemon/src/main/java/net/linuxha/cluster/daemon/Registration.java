package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.linuxha.cluster.app.ApplicationCatalog.Loaded;
import net.linuxha.cluster.app.RegisteredApplication;
import net.linuxha.cluster.failover.ValidNodes;
import net.linuxha.cluster.state.ApplicationState;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;

/**
 * Registering one application (25.3, 21.5), blocking, on the I/O executor:
 * <ol>
 * <li>its build must be validated here ({@code .appbuild.md5} matches appconf.xml);</li>
 * <li>with the peer in the cluster, the peer's CHECKSUM must be the same;</li>
 * <li>its state is rediscovered: a service address held by a card of this node means STARTED here (a daemon
 * restarted after SIGKILL leaves running applications alone); else the peer's APP_STATUS is taken; else DOWN.</li>
 * </ol>
 */
final class Registration {

    /** The outcome: the application to register, or REG_APP's answer and the reason to log. */
    record Found(Optional<RegisteredApplication> application, String answer, String reason) {
    }

    private Registration() {
    }

    static Found discover(DaemonView d, String name, boolean peerUp) throws IOException {
        Loaded loaded = d.catalog().load(name);
        if (loaded instanceof Loaded.Invalid invalid) {
            return new Found(Optional.empty(), invalid.answer(), invalid.reason());
        }
        Loaded.Valid valid = (Loaded.Valid) loaded;
        Optional<String> peerStatus = Optional.empty();
        if (peerUp) {
            Reply peerChecksum = d.peer().send(new ClusterRequest.Checksum(name));
            if (!peerChecksum.text().equals(valid.checksum())) {
                return new Found(Optional.empty(), "NOT_CONFIGURED", "Build of " + name + " differs on node "
                        + d.peerNode() + " (its CHECKSUM answer: " + peerChecksum.text() + ", here: "
                        + valid.checksum() + ") - not registering with cluster. Run clbuildapp --application "
                        + name + " --build so that both nodes hold the same validated build.");
            }
            Reply status = d.peer().send(new ClusterRequest.AppStatus(name, false, true, true));
            if (!status.code().equals("NOT_REGISTERED") && !status.isError()) {
                peerStatus = Optional.of(status.text());
            }
        }
        LOG.info("Validated Build for {} is valid - will register with cluster.", name);
        ValidNodes validNodes = ValidNodes.all(d.clusterNodes());
        RegisteredApplication app = RegisteredApplication.down(valid.config(), valid.checksum(), validNodes);
        Set<String> held = d.localNetworks().heldAddresses();
        if (Applications.holdsAny(held, valid.config().allIps())) {
            Instant started = d.catalog().lastStarted(name).orElse(d.clock().instant());
            app = app.in(ApplicationState.STARTED, Optional.of(d.localNode()), Optional.of(started));
        } else if (peerStatus.isPresent()) {
            LOG.info("resp2={}", peerStatus.get());
            app = fromPeer(app, peerStatus.get(), d);
        }
        return new Found(Optional.of(app), "OK", "");
    }

    /** Takes the peer's view: {@code STATE,node,monitor,starttime,consistency,Yes|No,a+b}. */
    private static RegisteredApplication fromPeer(RegisteredApplication app, String status, DaemonView d) {
        List<String> f = List.of(status.split(",", -1));
        if (f.size() >= 7) {
            try {
                ValidNodes nodes = ValidNodes.parse(f.get(6), d.clusterNodes());
                LOG.info("Setting valid nodes: {}", nodes.joined(","));
                app = app.withValidNodes(nodes);
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignored the valid nodes of {} from node {}: {}", app.name(), d.peerNode(), e.getMessage());
            }
        }
        ApplicationState state;
        try {
            state = ApplicationState.fromWire(f.get(0));
        } catch (IllegalArgumentException e) {
            return app;
        }
        if (state.isActive() && f.size() >= 2 && d.clusterNodes().contains(f.get(1))
                && !f.get(1).equals(d.localNode())) {
            Optional<Instant> started = f.size() >= 4 ? Applications.epoch(f.get(3)) : Optional.empty();
            app = app.in(state, Optional.of(f.get(1)), started).withMonitor(f.size() >= 3 && f.get(2).equals("1"));
        }
        return app;
    }
}

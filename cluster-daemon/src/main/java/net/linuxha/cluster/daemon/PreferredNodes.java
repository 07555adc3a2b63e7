package net.linuxha.cluster.daemon;

import static net.linuxha.cluster.daemon.DaemonLog.LOG;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import net.linuxha.cluster.app.RegisteredApplication;
import net.linuxha.common.config.PreferredNode;
import net.linuxha.common.wire.ClusterRequest;

/**
 * PNODE (25.4, 19): the node an application should start on, among its valid nodes in the cluster. A named
 * preferred node wins if it is valid and in the cluster; least_app_load takes the node running fewer applications
 * (STARTING or STARTED); least_cpu_load asks the other node's LOADAVERAGE and takes the lower 1-minute load;
 * otherwise the first valid node in the cluster in clconf.xml order. Ties go to that first node too.
 */
final class PreferredNodes {

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private PreferredNodes() {
    }

    static CompletionStage<String> choose(RegisteredApplication app, DaemonView d) {
        List<String> usable = app.validNodes().nodes().stream()
                .filter(n -> n.equals(d.localNode()) || d.membership().peerUp()).toList();
        if (usable.isEmpty()) {
            return CompletableFuture.completedFuture(d.localNode());
        }
        PreferredNode preferred = app.config().preferredNode().orElse(null);
        if (preferred == null || usable.size() == 1) {
            return CompletableFuture.completedFuture(usable.get(0));
        }
        return switch (preferred.policy()) {
            case NODE -> CompletableFuture.completedFuture(usable.contains(preferred.node().orElseThrow())
                    ? preferred.node().orElseThrow() : usable.get(0));
            case LEAST_APP_LOAD -> CompletableFuture.completedFuture(PreferredNode.least(usable,
                    n -> (double) d.registry().runningOn(n).size()));
            case LEAST_CPU_LOAD -> leastCpuLoad(app, usable, d);
        };
    }

    /** Both nodes are usable here: this node's 1-minute load against the peer's LOADAVERAGE answer. */
    private static CompletionStage<String> leastCpuLoad(RegisteredApplication app, List<String> usable,
                                                        DaemonView d) {
        return d.executors().io(() -> {
            Optional<Double> here = firstField(Files.readString(LOADAVG, StandardCharsets.US_ASCII));
            Optional<Double> there = firstField(d.peer().send(new ClusterRequest.LoadAverage()).text());
            if (here.isEmpty() || there.isEmpty()) {
                LOG.warn("PNODE {}: cannot compare CPU loads ({} here, {} on {}) - taking the first valid node",
                        app.name(), here.map(String::valueOf).orElse("unknown"),
                        there.map(String::valueOf).orElse("unknown"), d.peerNode());
                return usable.get(0);
            }
            LOG.info("PNODE {}: 1-minute load {} on {}, {} on {}", app.name(), here.get(), d.localNode(),
                    there.get(), d.peerNode());
            return PreferredNode.least(usable, n -> n.equals(d.localNode()) ? here.get() : there.get());
        }).exceptionally(e -> {
            LOG.warn("PNODE {}: node {} did not answer LOADAVERAGE ({}) - taking the first valid node", app.name(),
                    d.peerNode(), DaemonExecutors.cause(e).getMessage());
            return usable.get(0);
        });
    }

    /** The 1-minute load of a LOADAVERAGE answer or /proc/loadavg line ({@code 0.42 0.30 0.20 1/123}). */
    static Optional<Double> firstField(String text) {
        try {
            return Optional.of(Double.parseDouble(text.trim().split("\\s+")[0]));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}

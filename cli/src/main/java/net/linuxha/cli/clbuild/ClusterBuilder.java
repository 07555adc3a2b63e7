package net.linuxha.cli.clbuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.cli.cluster.PeerNode;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.resources.CommandResourceStore;
import net.linuxha.common.resources.PoolPlan;
import net.linuxha.common.resources.PoolSyncResult;
import net.linuxha.common.resources.ResourceException;
import net.linuxha.common.resources.ResourceKind;
import net.linuxha.common.resources.ResourceLayout;
import net.linuxha.common.resources.ResourcePools;
import net.linuxha.common.shell.Command;
import org.slf4j.Logger;

/**
 * What clbuild does once every check passed (7.2.4, 7.2.5): the configuration and log directories on both nodes,
 * the port and DRBD-minor pools on both (keeping every allocation), clconf.xml copied to the other node (mode 600),
 * and the build checksum on both, written last so that a build that stopped half way is not taken as valid.
 *
 * <p>Everything here is safe while the cluster runs (--force): running daemons are not asked anything.
 */
final class ClusterBuilder {

    private final ClusterPaths paths;
    private final ClusterConfig config;
    private final String localNode;
    private final PeerNode peer;
    private final Logger log;

    ClusterBuilder(ClusterPaths paths, ClusterConfig config, String localNode, PeerNode peer, Logger log) {
        this.paths = Objects.requireNonNull(paths, "paths");
        this.config = Objects.requireNonNull(config, "config");
        this.localNode = Objects.requireNonNull(localNode, "localNode");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Builds; on failure throws with the step and node named, leaving no checksum that claims a valid build. */
    void build() throws IOException, ResourceException {
        createDirectories();
        ResourcePools localPools = ResourcePools.local(paths);
        ResourcePools peerPools = new ResourcePools(new CommandResourceStore(peer.shell().runner(),
                peer.paths().resourcesDir().toString(), peer.node()));
        checkPools(List.of(localPools, peerPools));
        syncPools(localNode, localPools);
        syncPools(peer.node(), peerPools);
        peer.install(paths.clconf(), peer.paths().clconf().toString(), "600");
        log.info("Successfully copied clconf.xml to " + peer.node());
        BuildChecksum checksum = BuildChecksum.cluster(paths);
        checksum.record();
        log.info("Transferring cluster build checksum to " + peer.node());
        try {
            peer.install(paths.clusterBuildChecksum(), peer.paths().clusterBuildChecksum().toString(), "644");
        } catch (PeerNode.StepException e) {
            checksum.remove();
            throw e;
        }
        log.info("Recorded build checksum " + checksum.recorded().orElse("?") + " on " + localNode + " and "
                + peer.node());
    }

    private void createDirectories() throws IOException {
        for (Path dir : List.of(paths.configDir(), paths.logDir())) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                log.info("Created directory " + dir + " on " + localNode);
            }
        }
        ClusterPaths remote = peer.paths();
        peer.require("create " + remote.configDir() + " and " + remote.logDir(), Command.of("mkdir", "-p",
                remote.configDir().toString(), remote.logDir().toString()));
        log.info("Directories " + remote.configDir() + " and " + remote.logDir() + " present on " + peer.node());
    }

    /** Refuses, before changing either node, a pool that would drop an allocation on either. */
    private void checkPools(List<ResourcePools> pools) throws IOException, ResourceException {
        ResourceLayout layout = ResourceLayout.of(config);
        List<String> conflicts = new ArrayList<>();
        for (ResourcePools pool : pools) {
            for (PoolPlan plan : pool.plan(layout)) {
                conflicts.addAll(plan.conflictMessages());
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ResourceException(String.join("\n", conflicts));
        }
    }

    private void syncPools(String node, ResourcePools pools) throws IOException, ResourceException {
        for (PoolSyncResult result : pools.sync(ResourceLayout.of(config))) {
            String what = result.kind() == ResourceKind.PORT ? "Port" : "DRBD";
            String noun = result.kind() == ResourceKind.PORT ? "port" : "DRBD";
            if (result.directoryCreated()) {
                log.info("Created " + what + " Resources directory on " + node);
            }
            log.info("Created " + result.created() + " " + noun + " allocation files on " + node
                    + (result.removed() > 0 ? " (removed " + result.removed() + " free ones outside the new range)"
                    : ""));
        }
    }
}

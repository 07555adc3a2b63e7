package net.linuxha.cli.clbuildapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.linuxha.cli.checks.NodeShell;
import net.linuxha.cli.cluster.AppStatus;
import net.linuxha.cli.cluster.PeerNode;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ApplicationConfig;
import net.linuxha.common.storage.FsMap;
import net.linuxha.common.storage.FsMapEntry;

/**
 * What the checks of one clbuildapp run found, for the checks after them and for the stage that follows: the
 * configurations, the nodes, the application's state in the cluster and its file systems.
 */
final class BuildContext {

    final Request request;
    ClusterSetup setup;
    ApplicationConfig app;
    byte[] appconfBytes;
    NodeShell local;
    PeerNode peer;
    /** The node whose cluster daemon answered; empty when the cluster is down. */
    Optional<String> clusterNode = Optional.empty();
    /** The application as the cluster reports it; empty when not registered or the cluster is down. */
    Optional<AppStatus> status = Optional.empty();
    /** The application's file systems are in use here (started by the cluster or by hand). */
    boolean runningHere;
    Optional<FsMap> oldFsmap = Optional.empty();
    final List<FileSystemDiscovery.Result> volumeGroups = new ArrayList<>();

    BuildContext(Request request) {
        this.request = request;
    }

    String application() {
        return request.application();
    }

    String localNode() {
        return local.node();
    }

    /** Every file system found, in volume group order. */
    List<FoundFileSystem> fileSystems() {
        return volumeGroups.stream().flatMap(r -> r.used().stream()).toList();
    }

    /** The fsmap these file systems make. */
    FsMap fsmap() {
        List<FsMapEntry> entries = fileSystems().stream().map(FoundFileSystem::entry).toList();
        return new FsMap(application(), entries);
    }

    /** {@code vg:lv:sizeKb} per file system, what --vgbuild validated. */
    List<String> volumeLines() {
        return fileSystems().stream().map(f -> f.entry().vg() + ":" + f.entry().lv() + ":" + f.entry().sizeKb())
                .toList();
    }

    boolean rebuild() {
        return oldFsmap.isPresent();
    }
}

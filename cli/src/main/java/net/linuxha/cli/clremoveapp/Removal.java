package net.linuxha.cli.clremoveapp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.cli.cluster.ToolLog;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.resources.Allocation;
import net.linuxha.common.resources.ResourceException;
import net.linuxha.common.resources.ResourcePools;
import net.linuxha.common.storage.DrbdFiles;

/**
 * The changes clremoveapp makes once its checks passed (12), each step on this node and then on the other, in the
 * Reference's order: status directory, DRBD resource files, ports and DRBD minors back to the pools, fsmap, build
 * checksum, application directory. The backup, when asked for, is taken first, before anything changes.
 */
final class Removal {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** One node: its files, and its resource pools. */
    record Node(NodeFiles files, ResourcePools pools) {
        String name() {
            return files.node();
        }
    }

    private final ToolEnvironment env;
    private final ClusterPaths paths;
    private final String application;
    private final List<Node> nodes;
    private final ToolLog log;

    /** @param nodes this node first, then the other */
    Removal(ToolEnvironment env, String application, List<Node> nodes, ToolLog log) {
        this.env = env;
        this.paths = env.paths();
        this.application = application;
        this.nodes = nodes;
        this.log = log;
    }

    /** {@code DIR/<application>-yyyymmdd-hhmmss.tar.gz} of {@code /etc/cluster/<application>} on every node. */
    void backup(Path backupDir, Set<String> definedOn) {
        String archive = backupDir.resolve(application + "-" + LocalDateTime.now(env.clock()).format(STAMP)
                + ".tar.gz").toString();
        for (Node node : nodes) {
            if (!definedOn.contains(node.name())) {
                continue;
            }
            log.info("Attempting to backup cluster configuration on node " + node.name() + ".");
            long size = node.files().backup(paths.configDir().toString(), application, backupDir.toString(),
                    archive);
            log.info("Saved cluster configuration in " + size + " bytes on node " + node.name() + " (" + archive
                    + ").");
        }
    }

    /** Every removal step, on each node. */
    void removeFiles(Set<String> drbdResources) {
        removeStatusDirectory();
        removeDrbdResources(drbdResources);
        releaseResources();
        for (Node node : nodes) {
            if (removeIfPresent(node, paths.fsmap(application))) {
                log.info("Removed the fsmap entry from node " + node.name());
            }
        }
        log.info("Removing build checksums for " + application);
        for (Node node : nodes) {
            removeIfPresent(node, paths.applicationBuildChecksum(application));
        }
        for (Node node : nodes) {
            String dir = paths.applicationDir(application).toString();
            if (node.files().isDirectory(dir)) {
                node.files().remove(dir);
                log.info("Successfully removed " + dir + " (directory) from node " + node.name());
            }
        }
    }

    private void removeStatusDirectory() {
        String dir = paths.applicationStatusDir(application).toString();
        for (Node node : nodes) {
            if (!node.files().isDirectory(dir)) {
                continue;
            }
            for (String entry : node.files().list(dir)) {
                boolean directory = entry.endsWith("/");
                String name = directory ? entry.substring(0, entry.length() - 1) : entry;
                node.files().remove(dir + "/" + name);
                log.info("Successfully removed " + dir + "/" + name + " (" + (directory ? "directory" : "file")
                        + ") from node " + node.name());
            }
            node.files().removeEmptyDirectory(dir);
            log.info("Successfully removed " + dir + "/. (directory) from node " + node.name());
        }
    }

    private void removeDrbdResources(Set<String> resources) {
        DrbdFiles drbd = DrbdFiles.of(paths);
        for (Node node : nodes) {
            for (String resource : resources) {
                Path file = drbd.resourceFile(resource);
                if (removeIfPresent(node, file)) {
                    log.info("Successfully removed drbd resource " + file + " (file) from node " + node.name());
                }
            }
        }
    }

    private void releaseResources() {
        for (Node node : nodes) {
            List<Allocation> released;
            try {
                released = node.pools().release(application);
            } catch (IOException | ResourceException e) {
                throw ToolException.failure("Unable to release the ports and DRBD minors of " + application
                        + " on node " + node.name() + ": " + e.getMessage() + "\nRemove its flag files from "
                        + paths.resourcesDir() + " there by hand (rename N." + application + ".vg.lv to N.free).");
            }
            for (Allocation allocation : released) {
                log.info("Released " + allocation.kind().noun() + " resource " + allocation.number() + " on node "
                        + node.name());
            }
        }
    }

    private static boolean removeIfPresent(Node node, Path path) {
        if (!node.files().exists(path.toString())) {
            return false;
        }
        node.files().remove(path.toString());
        return true;
    }
}

package net.linuxha.cli.clremoveapp;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import net.linuxha.cli.cluster.ToolLog;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.resources.Allocation;
import net.linuxha.common.storage.DrbdResourceName;
import net.linuxha.common.storage.FsMap;
import net.linuxha.common.storage.FsMapEntry;

/**
 * The replicated file systems of the application being removed, from its fsmap (8.7): for the check that none is
 * mounted on either node (12, check 2), and to name its DRBD resource files.
 */
final class FileSystems {

    private final String application;
    private final List<FsMapEntry> entries;
    private final ToolLog log;

    private FileSystems(String application, List<FsMapEntry> entries, ToolLog log) {
        this.application = application;
        this.entries = entries;
        this.log = log;
    }

    /**
     * This node's fsmap of {@code application}; none when it has no fsmap. An fsmap that cannot be read stops the
     * removal, unless {@code force}.
     */
    static FileSystems read(ClusterPaths paths, String application, boolean force, ToolLog log)
            throws ConfigException {
        if (!Files.exists(paths.fsmap(application))) {
            return new FileSystems(application, List.of(), log);
        }
        try {
            return new FileSystems(application, FsMap.load(paths, application).entries(), log);
        } catch (ConfigException e) {
            if (!force) {
                throw e;
            }
            log.warn("The fsmap of " + application + " cannot be read, so its file systems are not checked "
                    + "(--force): " + e.getMessage());
            return new FileSystems(application, List.of(), log);
        }
    }

    /** 12, check 2: none of the file systems is mounted on either node. */
    void checkUnmounted(List<Removal.Node> nodes, boolean force) {
        if (entries.isEmpty()) {
            return;
        }
        for (Removal.Node node : nodes) {
            Set<String> mounted = node.files().mountPoints();
            List<String> busy = entries.stream().map(e -> e.mountPoint().toString()).filter(mounted::contains)
                    .toList();
            if (busy.isEmpty()) {
                log.info("Confirmed the file systems of " + application + " are not mounted on node " + node.name()
                        + ".");
                continue;
            }
            String problem = "File system" + (busy.size() == 1 ? " " : "s ") + String.join(", ", busy) + " of "
                    + application + (busy.size() == 1 ? " is" : " are") + " mounted on node " + node.name() + ".";
            if (!force) {
                throw ToolException.failure(problem + "\nStop the application there (clhaltapp --application "
                        + application + "), or unmount " + (busy.size() == 1 ? "it" : "them") + " first.");
            }
            log.warn(problem + " Removing the application anyway (--force).");
        }
    }

    /**
     * The DRBD resources of the application: one per fsmap entry and per volume holding a port or minor on either
     * node (a build that stopped half way has allocations without an fsmap).
     */
    Set<String> drbdResources(List<Removal.Node> nodes) {
        Set<String> resources = new TreeSet<>();
        List<FileSystemId> volumes = new ArrayList<>();
        entries.forEach(e -> volumes.add(e.id()));
        for (Removal.Node node : nodes) {
            try {
                for (Allocation allocation : node.pools().allocations(application)) {
                    volumes.add(allocation.owner().fileSystem());
                }
            } catch (IOException e) {
                throw ToolException.failure("Unable to read the resource pools of node " + node.name() + ": "
                        + e.getMessage() + "; nothing was removed.");
            }
        }
        for (FileSystemId volume : volumes) {
            try {
                resources.add(DrbdResourceName.of(application, volume.vg(), volume.lv()));
            } catch (IllegalArgumentException e) {
                // Such a name can never have been given to DRBD, so there is no file to remove.
            }
        }
        return resources;
    }
}

package net.linuxha.common.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job: write the DRBD resource files of an application on both nodes (clbuildapp --build, 8.5). Ports and minors
 * come from the {@link ReplicationSlots}, addresses from each node's drbd_network card, meta disk from the local
 * volume group ({@code <lv>_meta} when it exists).
 */
final class DrbdConfigurator {

    private static final Logger LOG = LoggerFactory.getLogger(DrbdConfigurator.class);

    private final StorageContext ctx;

    DrbdConfigurator(StorageContext ctx) {
        this.ctx = ctx;
    }

    List<DrbdResourceFile> configure(FsMap fsmap, ClusterConfig config, int syncRateKb, ReplicationSlots slots) {
        String localAddress = DrbdAddresses.address(config, ctx.local().name(), ctx.local().ip());
        String peerAddress = DrbdAddresses.address(config, ctx.peer().name(), ctx.peer().ip());
        List<DrbdResourceFile> files = new ArrayList<>();
        for (FsMapEntry fs : fsmap.entries()) {
            ReplicationSlots.Slot slot = slots.slotFor(fsmap.application(), fs.vg(), fs.lv());
            List<DrbdResourceFile.Host> hosts = new ArrayList<>();
            for (int id = 0; id < config.nodes().size(); id++) {
                ClusterNode node = config.nodes().get(id);
                boolean isLocal = node.name().equalsIgnoreCase(ctx.local().name());
                hosts.add(new DrbdResourceFile.Host(node.name(), id, isLocal ? localAddress : peerAddress,
                        slot.port()));
            }
            Optional<String> meta = ctx.local().lvm().logicalVolume(fs.vg(), fs.lv() + "_meta")
                    .map(lv -> "/dev/" + fs.vg() + "/" + fs.lv() + "_meta");
            DrbdResourceFile file = new DrbdResourceFile(fsmap.application(), fs, config.dataProtocol(), syncRateKb,
                    slot.minor(), meta, hosts);
            files.add(file);
            Path written = write(file);
            copyToPeer(written);
            LOG.info("DRBD resource {} ({} on /dev/drbd{}, port {}) written on {} and {}", file.name(),
                    fs.lvDevice(), slot.minor(), slot.port(), ctx.local().name(), ctx.peer().name());
        }
        copyToPeer(ctx.files().topConfig());
        return files;
    }

    private Path write(DrbdResourceFile file) {
        try {
            return ctx.files().write(file);
        } catch (IOException e) {
            throw new StorageException("Cannot write the DRBD resource file of " + file.name() + " in "
                    + ctx.files().resourceDir() + ": " + e.getMessage() + "; check the directory and free space", e);
        }
    }

    private void copyToPeer(Path file) {
        String dir = file.getParent().toString();
        CommandResult mkdir = ctx.peerShell().run(Command.of("mkdir", "-p", dir)
                .withTimeout(StorageContext.PEER_TIMEOUT));
        CommandResult copy = mkdir.succeeded() ? ctx.peerShell().copyTo(file, file.toString(),
                StorageContext.PEER_TIMEOUT) : mkdir;
        if (!copy.succeeded()) {
            throw new StorageException("Cannot copy " + file + " to " + ctx.peer().name() + ": "
                    + copy.describeFailure() + "; check ssh as root to " + ctx.peer().name());
        }
    }
}

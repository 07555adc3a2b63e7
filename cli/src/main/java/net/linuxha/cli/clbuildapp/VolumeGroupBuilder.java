package net.linuxha.cli.clbuildapp;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.config.VolumeGroup;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.LogicalVolume;
import net.linuxha.common.shell.LvmDriver;
import org.slf4j.Logger;

/**
 * --vgbuild (8.4, 14.8, 18): the other node's volume group gets the logical volumes of this one, with the same names
 * and sizes, and both nodes get a meta data volume per replicated logical volume ({@link MetaVolume}). Then the
 * stamp that --build looks for is written.
 *
 * <p>The volume group itself must exist on the other node (vgcreate needs a physical volume only the
 * administrator can choose). In the lab, whose LVM is simulated, a missing one is made with {@code simvg create}
 * at this node's size.
 */
final class VolumeGroupBuilder {

    private final AppEnvironment env;
    private final BuildContext ctx;
    private final Logger log;
    private final LvmDriver localLvm;
    private final LvmDriver peerLvm;

    VolumeGroupBuilder(AppEnvironment env, BuildContext ctx, Logger log) {
        this.env = Objects.requireNonNull(env, "env");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.log = Objects.requireNonNull(log, "log");
        this.localLvm = new LvmDriver(ctx.local.runner());
        this.peerLvm = new LvmDriver(ctx.peer.runner());
    }

    void run() throws IOException {
        log.info("Getting list of defined volume groups on " + ctx.peer.node());
        for (VolumeGroup vg : ctx.app.volumeGroups()) {
            ensurePeerGroup(vg.name());
            for (FoundFileSystem fs : ctx.fileSystems()) {
                if (!fs.entry().vg().equals(vg.name())) {
                    continue;
                }
                long bytes = fs.entry().sizeKb() * 1024;
                ensureMeta(localLvm, ctx.localNode(), vg.name(), fs.entry().lv(), bytes);
                ensureData(fs, bytes);
                ensureMeta(peerLvm, ctx.peer.node(), vg.name(), fs.entry().lv(), bytes);
            }
            log.info("All LV checks on VG " + vg.name() + " completed");
        }
        new VgbuildStamp(env.paths().applicationVgbuildChecksum(ctx.application()))
                .record(VgbuildStamp.compute(ctx.appconfBytes, ctx.volumeLines()));
        log.info("");
        log.info("Now run with the --build to ensure all required resources");
        log.info("are allocated on both nodes");
        log.info("");
    }

    private void ensurePeerGroup(String vg) {
        if (peerLvm.volumeGroup(vg).isPresent()) {
            log.info("Volume group " + vg + " exists on " + ctx.peer.node());
            return;
        }
        if (!NodeChecks.hasSimvg(ctx)) {
            throw new BuildStepException("Volume group " + vg + " does not exist on " + ctx.peer.node() + "; create "
                    + "it there (vgcreate " + vg + " PV) with room for the logical volumes and their meta volumes, "
                    + "then run --vgbuild again");
        }
        long bytes = localLvm.volumeGroup(vg).orElseThrow().sizeBytes();
        String size = (bytes + (1 << 20) - 1) / (1 << 20) + "M";
        ctx.peer.require("create volume group " + vg + " (simvg create " + vg + " " + size + ")",
                Command.of("simvg", "create", vg, size));
        log.info("VG " + vg + " of " + size + " created on " + ctx.peer.node() + " (simulated LVM: simvg)");
    }

    private void ensureData(FoundFileSystem fs, long bytes) {
        String vg = fs.entry().vg();
        String lv = fs.entry().lv();
        Optional<LogicalVolume> there = peerLvm.logicalVolume(vg, lv);
        if (there.isEmpty()) {
            log.info("VG " + vg + " does not contain LV " + lv + " on " + ctx.peer.node() + " - creating...");
            peerLvm.createLogicalVolume(vg, lv, bytes);
            log.info("VG/LV " + vg + "/" + lv + " of " + bytes / 1024 + "Kb built on " + ctx.peer.node());
        } else if (there.get().sizeBytes() < bytes && fs.source() == FoundFileSystem.Source.DRBD) {
            log.info("VG/LV " + vg + "/" + lv + " grew to " + bytes / 1024 + "Kb here; --build grows it on "
                    + ctx.peer.node() + " with the DRBD device and the file system (18.3.1)");
        } else if (there.get().sizeBytes() < bytes) {
            peerLvm.extend(vg, lv, bytes);
            log.info("VG/LV " + vg + "/" + lv + " extended to " + bytes / 1024 + "Kb on " + ctx.peer.node());
        } else if (there.get().sizeBytes() > bytes) {
            log.warn("VG/LV " + vg + "/" + lv + " is " + there.get().sizeBytes() / 1024 + "Kb on " + ctx.peer.node()
                    + ", larger than " + bytes / 1024 + "Kb here; DRBD uses the smaller size");
        } else {
            log.info("Validated LV " + vg + "/" + lv + " exists on " + ctx.peer.node() + " (" + bytes / 1024
                    + "Kb)");
        }
    }

    private void ensureMeta(LvmDriver lvm, String node, String vg, String lv, long dataBytes) {
        String meta = MetaVolume.name(lv);
        long wanted = MetaVolume.sizeBytes(dataBytes);
        Optional<LogicalVolume> there = lvm.logicalVolume(vg, meta);
        if (there.isEmpty()) {
            log.info("VG " + vg + " does not contain LV " + meta + " on " + node + " - creating...");
            lvm.createLogicalVolume(vg, meta, wanted);
            log.info("VG/LV " + vg + "/" + meta + " of " + wanted / 1024 + "Kb built on " + node);
        } else if (there.get().sizeBytes() < wanted) {
            lvm.extend(vg, meta, wanted);
            log.info("VG/LV " + vg + "/" + meta + " extended to " + wanted / 1024 + "Kb on " + node);
        } else {
            log.info("Validated Meta volume exists for " + lv + " on " + node + " (and is "
                    + there.get().sizeBytes() / (1024 * 1024) + "mb)");
        }
    }
}

package net.linuxha.cli.clbuildapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.linuxha.cli.checks.CheckResult;
import net.linuxha.common.config.VolumeGroup;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.LogicalVolume;
import net.linuxha.common.shell.LvmDriver;
import net.linuxha.common.shell.MountEntry;
import net.linuxha.common.shell.MountInfoParser;
import net.linuxha.common.storage.FsMapEntry;

/** The checks of 8.3-8.5 about logical volumes and mount points, on this node and the other. */
final class VolumeChecks {

    private static final Duration QUICK = Duration.ofSeconds(30);

    private VolumeChecks() {
    }

    /**
     * 8.5: the logical volumes of each volume group, which are mounted here (the file systems), which are not used.
     * Fills {@link BuildContext#volumeGroups}.
     */
    static List<CheckResult> discover(AppEnvironment env, BuildContext ctx) {
        boolean keepUnmounted = ctx.rebuild() && !ctx.runningHere && !ctx.request.rebuildFsmap();
        List<CheckResult> results = new ArrayList<>();
        if (keepUnmounted && ctx.request.stage() == Stage.BUILD) {
            results.add(CheckResult.warn("Running --build for an existing application, whilst that application is "
                    + "not running will not update the file system mappings.", "if this is required for an "
                    + "existing application please start it first, or mount all its file systems and use --fsmap"));
        }
        FileSystemDiscovery discovery = new FileSystemDiscovery(env.mounts().mounts(), env.deviceNumber(),
                ctx.oldFsmap, keepUnmounted);
        LvmDriver lvm = new LvmDriver(ctx.local.runner());
        ctx.volumeGroups.clear();
        for (VolumeGroup vg : ctx.app.volumeGroups()) {
            List<LogicalVolume> volumes = lvm.logicalVolumes(vg.name());
            FileSystemDiscovery.Result result = discovery.discover(vg.name(), volumes);
            ctx.volumeGroups.add(result);
            for (FoundFileSystem fs : result.used()) {
                FsMapEntry e = fs.entry();
                results.add(CheckResult.ok("checking if " + e.vg() + "/" + e.lv() + " mounted as " + e.mountPoint()
                        + "... " + switch (fs.source()) {
                            case LOGICAL_VOLUME -> "yes (" + e.fsType() + ", " + e.options() + ")";
                            case DRBD -> "yes, through DRBD";
                            case FSMAP -> "no, kept from the fsmap";
                        }));
                volumes.stream().filter(v -> v.name().equals(e.lv()) && !v.active()).findFirst().ifPresent(v ->
                        results.add(CheckResult.warn("Logical volume " + v.path() + " is not active", "lvchange -ay "
                                + e.vg() + "/" + e.lv())));
            }
            results.add(CheckResult.ok("Checked " + result.checked() + " logical volumes for " + vg.name() + " on "
                    + ctx.localNode()));
            results.add(CheckResult.ok("VG: " + vg.name() + " Used LVs: " + result.used().size() + " Not Used LVs: "
                    + result.unused().size()));
            if (result.used().isEmpty()) {
                results.add(CheckResult.fail("No logical volume of volume group " + vg.name() + " is mounted on "
                        + ctx.localNode() + ", so application " + ctx.application() + " has no file systems there",
                        "mount its file systems from /dev/" + vg.name() + "/<lv> on their mount points on "
                        + ctx.localNode() + " (8.3), or remove the <vg> from appconf.xml"));
            }
        }
        if (ctx.rebuild()) {
            for (FsMapEntry e : ctx.oldFsmap.get().entries()) {
                if (ctx.fileSystems().stream().noneMatch(f -> f.entry().id().equals(e.id()))) {
                    results.add(CheckResult.ok("REBUILD: file system " + e.mountPoint() + " (" + e.vg() + "/"
                            + e.lv() + ") is no longer mounted: it is removed from the application"));
                }
            }
        }
        results.add(CheckResult.ok("Completed volume group analysis on " + ctx.localNode()));
        return results;
    }

    /** 8.5 "Validated VG build run has completed against this configuration." */
    static List<CheckResult> vgbuildDone(AppEnvironment env, BuildContext ctx) throws IOException {
        VgbuildStamp stamp = new VgbuildStamp(env.paths().applicationVgbuildChecksum(ctx.application()));
        if (stamp.matches(VgbuildStamp.compute(ctx.appconfBytes, ctx.volumeLines()))) {
            return List.of(CheckResult.ok("Validated VG build run has completed against this configuration."));
        }
        return List.of(CheckResult.fail((stamp.exists() ? "The application configuration or its logical volumes "
                + "changed since the last --vgbuild" : "The --vgbuild stage has not been run for application "
                + ctx.application()), "run clbuildapp -A " + ctx.application() + (ctx.rebuild() ? " -F" : "")
                + " --vgbuild first (8.4)"));
    }

    /** 8.5: the other node has each logical volume, as large, with its meta volume, and none of them is mounted. */
    static List<CheckResult> peerVolumes(BuildContext ctx) {
        LvmDriver lvm = new LvmDriver(ctx.peer.runner());
        List<MountEntry> mounts = peerMounts(ctx);
        List<CheckResult> results = new ArrayList<>();
        String fix = "run clbuildapp -A " + ctx.application() + (ctx.rebuild() ? " -F" : "") + " --vgbuild";
        for (FoundFileSystem fs : ctx.fileSystems()) {
            FsMapEntry e = fs.entry();
            Optional<LogicalVolume> lv = lvm.logicalVolume(e.vg(), e.lv());
            if (lv.isEmpty()) {
                results.add(CheckResult.fail("Logical volume " + e.vg() + "/" + e.lv() + " does not exist on "
                        + ctx.peer.node(), fix));
                continue;
            }
            if (lv.get().sizeBytes() / 1024 < e.sizeKb() && fs.source() != FoundFileSystem.Source.DRBD) {
                results.add(CheckResult.fail("Logical volume " + e.vg() + "/" + e.lv() + " on " + ctx.peer.node()
                        + " is " + lv.get().sizeBytes() / 1024 + "Kb, smaller than " + e.sizeKb() + "Kb here", fix));
            }
            if (lvm.logicalVolume(e.vg(), MetaVolume.name(e.lv())).isEmpty()) {
                results.add(CheckResult.fail("Meta volume " + e.vg() + "/" + MetaVolume.name(e.lv())
                        + " does not exist on " + ctx.peer.node(), fix));
            }
            for (MountEntry m : mounts) {
                if (m.source().equals("/dev/" + e.vg() + "/" + e.lv())
                        || m.source().equals(FileSystemDiscovery.mapperPath(e.vg(), e.lv()))) {
                    results.add(CheckResult.fail("Logical volume " + e.vg() + "/" + e.lv() + " is mounted on "
                            + m.mountPoint() + " on " + ctx.peer.node() + "; it must be closed there, DRBD "
                            + "replicates onto it", "umount " + m.mountPoint() + " on " + ctx.peer.node()
                            + " (14.8)"));
                }
            }
        }
        if (results.isEmpty()) {
            results.add(CheckResult.ok("Checked " + ctx.fileSystems().size() + " logical volumes and their meta "
                    + "volumes on " + ctx.peer.node() + "; none is mounted there"));
        }
        return results;
    }

    static List<MountEntry> peerMounts(BuildContext ctx) {
        CommandResult table = ctx.peer.runner().run(Command.of("cat", "/proc/self/mountinfo").withTimeout(QUICK));
        if (!table.succeeded()) {
            throw new BuildStepException("cannot read the mount table of " + ctx.peer.node() + ": "
                    + table.describeFailure());
        }
        return MountInfoParser.parse(table.stdout());
    }

    /**
     * 8.5 "Ensure that the mount points specified locally can be made on the remote machine", 14.8/14.10: missing
     * mount points and differing permissions are warnings (--build creates missing ones).
     */
    static List<CheckResult> mountPoints(BuildContext ctx) throws IOException {
        List<CheckResult> results = new ArrayList<>();
        for (FoundFileSystem fs : ctx.fileSystems()) {
            Path point = fs.entry().mountPoint();
            CommandResult remote = ctx.peer.runner().run(Command.of("stat", "-c", "%a", point.toString())
                    .withTimeout(QUICK));
            if (!remote.succeeded()) {
                boolean build = ctx.request.stage() == Stage.BUILD;
                results.add(build ? CheckResult.ok("Mount point " + point + " missing on " + ctx.peer.node()
                        + "; --build creates it") : CheckResult.warn("Mount point " + point + " does not exist on "
                        + ctx.peer.node(), "clbuildapp --build creates it (or: ssh " + ctx.peer.node()
                        + " mkdir -p " + point + ")"));
                continue;
            }
            String remoteMode = String.format("%04o", Integer.parseInt(remote.stdout().strip(), 8));
            String localMode = Files.exists(point) ? String.format("%04o", modeOf(point)) : "missing";
            if (!remoteMode.equals(localMode)) {
                results.add(CheckResult.warn("Following problems for path " + point + " consistency: Permissions "
                        + "differ for " + point + " [local=" + localMode + ",remote=" + remoteMode + "]",
                        "make them the same on both nodes (chmod), or the application may behave differently after "
                        + "a fail-over (14.10.1)"));
            } else {
                results.add(CheckResult.ok("Validated file system mount point " + point));
            }
        }
        return results;
    }

    private static int modeOf(Path path) throws IOException {
        int mode = 0;
        for (var p : Files.getPosixFilePermissions(path)) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }
}

package net.linuxha.cli.clbuildapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.linuxha.cli.checks.Check;
import net.linuxha.cli.checks.CheckResult;
import net.linuxha.cli.checks.FunctionCheck;
import net.linuxha.cli.checks.ServiceAddressCheck;
import net.linuxha.cli.checks.SshCheck;
import net.linuxha.cli.checks.ToolsCheck;
import net.linuxha.cli.checks.VolumeGroupCheck;
import net.linuxha.cli.cluster.AppStatus;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.BuildStatus;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.ScriptCommand;
import net.linuxha.common.config.VolumeGroup;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.storage.FsMap;

/**
 * The checks of 8.3 and 8.5 that look at both nodes, once the configurations are loaded ({@link ConfigChecks}).
 * Which run depends on the stage; everything on the other node needs the ssh check.
 */
final class NodeChecks {

    static final String SSH = "ssh-to-peer";
    static final String STATUS = "application-status";
    static final String VG_LOCAL = "vg-local";
    static final String VG_PEER = "vg-peer";
    static final String FILE_SYSTEMS = "file-systems";
    private static final Duration QUICK = Duration.ofSeconds(30);

    private NodeChecks() {
    }

    static List<Check> forStage(AppEnvironment env, BuildContext ctx) {
        Stage stage = ctx.request.stage();
        String app = ctx.application();
        List<String> vgs = ctx.app.volumeGroups().stream().map(VolumeGroup::name).toList();
        List<Check> checks = new ArrayList<>();
        checks.add(new SshCheck(SSH, ctx.localNode(), ctx.peer.shell()));
        checks.add(new FunctionCheck("clconf-peer", "Checking clconf.xml is the same on " + ctx.peer.node(),
                () -> clconfOnPeer(env, ctx)).after(SSH));
        for (var node : List.of(ctx.local, ctx.peer.shell())) {
            checks.add(new ToolsCheck("utilities-" + (node.local() ? "local" : "peer"), node, "cluster utilities",
                    List.of("drbd_tool", "drbdadm", "lvs", "mount", "fsck"), List.of(), "install linuxha (its bin "
                    + "directory on root's PATH), drbd-utils and lvm2 on " + node.node()).after(node.local()
                    ? new String[0] : new String[] {SSH}));
        }
        checks.add(new FunctionCheck(STATUS, "Checking the status of application " + app + " in the cluster",
                () -> status(env, ctx)));
        if (stage == Stage.SYNC) {
            checks.add(new FunctionCheck("build-valid", "Checking application " + app + " is built",
                    () -> builtForSync(env, ctx)));
            return checks;
        }
        checks.add(new FunctionCheck("built-already", "Checking whether application " + app + " is built",
                () -> builtAlready(env, ctx)));
        checks.add(new FunctionCheck("scripts", "Checking start and stop scripts of " + app + " on "
                + ctx.localNode(), () -> scripts(ctx)));
        if (vgs.isEmpty()) {
            return withNetworkChecks(checks, ctx);
        }
        checks.add(new VolumeGroupCheck(VG_LOCAL, ctx.local, vgs, VolumeGroupCheck.Missing.FAIL, "create it on "
                + ctx.localNode() + " (vgcreate VG PV), with the application's logical volumes and file systems "
                + "mounted (8.3)"));
        checks.add(new FunctionCheck(FILE_SYSTEMS, "Checking logical volumes of " + String.join(", ", vgs) + " on "
                + ctx.localNode(), () -> VolumeChecks.discover(env, ctx)).after(VG_LOCAL));
        checks.add(new FunctionCheck(VG_PEER, "Checking volume groups " + String.join(", ", vgs) + " exist on "
                + ctx.peer.node(), () -> {
                    boolean creatable = stage != Stage.BUILD && hasSimvg(ctx);
                    return new VolumeGroupCheck(VG_PEER, ctx.peer.shell(), vgs, creatable
                            ? VolumeGroupCheck.Missing.WARN : VolumeGroupCheck.Missing.FAIL, creatable
                            ? "clbuildapp --vgbuild creates it on " + ctx.peer.node() + " (the lab's simulated LVM: "
                            + "simvg create)" : "create it on " + ctx.peer.node() + " (vgcreate VG PV) with room for "
                            + "the logical volumes and their meta volumes, then run clbuildapp --vgbuild (8.4)").run();
                }).after(SSH));
        if (stage == Stage.BUILD) {
            checks.add(new FunctionCheck("vgbuild-done", "Checking the volume group build of " + app,
                    () -> VolumeChecks.vgbuildDone(env, ctx)).after(FILE_SYSTEMS));
            checks.add(new FunctionCheck("lvs-peer", "Checking logical volumes on " + ctx.peer.node(),
                    () -> VolumeChecks.peerVolumes(ctx)).after(FILE_SYSTEMS, VG_PEER));
        }
        if (stage != Stage.VGBUILD) {
            checks.add(new FunctionCheck("mount-points", "Checking mount points on " + ctx.peer.node(),
                    () -> VolumeChecks.mountPoints(ctx)).after(FILE_SYSTEMS, SSH));
            checks.add(new FunctionCheck("resources", "Checking ports and DRBD devices on both nodes",
                    () -> ResourceAllocator.available(env, ctx)).after(FILE_SYSTEMS, SSH));
        }
        return withNetworkChecks(checks, ctx);
    }

    private static List<Check> withNetworkChecks(List<Check> checks, BuildContext ctx) {
        if (ctx.request.stage() != Stage.VGBUILD && !ctx.app.allIps().isEmpty()) {
            Check addresses = new ServiceAddressCheck("service-ips", ctx.application(), ctx.app.allIps(),
                    List.of(ctx.local, ctx.peer.shell())).after(SSH, STATUS);
            checks.add(new FunctionCheck(addresses.name(), addresses.description(), () -> ctx.runningHere
                    || ctx.status.map(AppStatus::isActive).orElse(false)
                    ? List.of(CheckResult.ok("Service IP addresses of " + ctx.application() + " are in use by the "
                    + "running application (good)")) : addresses.run()).after(SSH, STATUS));
        }
        return checks;
    }

    private static List<CheckResult> clconfOnPeer(AppEnvironment env, BuildContext ctx) throws IOException {
        String local = BuildChecksum.cluster(env.paths()).compute();
        CommandResult sum = ctx.peer.runner().run(Command.of("md5sum", ctx.peer.paths().clconf().toString())
                .withTimeout(QUICK));
        String remote = sum.succeeded() ? sum.stdout().strip().split("\\s+")[0] : "";
        if (local.equals(remote)) {
            return List.of(CheckResult.ok("Validated clconf.xml is consistent on both nodes"));
        }
        return List.of(CheckResult.fail("clconf.xml on " + ctx.peer.node() + " differs from "
                + env.paths().clconf() + " on " + ctx.localNode() + (sum.succeeded() ? "" : " (" + sum
                .describeFailure() + ")"), "run clbuild on " + ctx.localNode() + " (it copies clconf.xml to "
                + ctx.peer.node() + "; --force if the cluster runs)"));
    }

    /** 8.3 "Check that the specified application is not already running in the cluster (unless --force)". */
    private static List<CheckResult> status(AppEnvironment env, BuildContext ctx) {
        ClusterLink cluster = env.cluster().apply(ctx.setup);
        String app = ctx.application();
        ctx.clusterNode = cluster.answeringNode();
        List<CheckResult> results = new ArrayList<>();
        if (ctx.clusterNode.isPresent()) {
            ctx.status = cluster.status(ctx.clusterNode.get(), app);
            results.add(CheckResult.ok("Current status of application " + app + " is: " + ctx.status
                    .map(s -> s.state() + s.node().map(n -> " on " + n).orElse("")).orElse("NOT_REGISTERED")));
        } else {
            results.add(CheckResult.ok("Cluster daemons are not running; application " + app
                    + " status taken from this node's mounts"));
        }
        ctx.runningHere = ctx.status.map(s -> s.runsOn(ctx.localNode())).orElse(false) || mountedOnDrbd(env, ctx);
        boolean runningThere = ctx.status.map(s -> s.runsOn(ctx.peer.node())).orElse(false);
        if (runningThere) {
            results.add(CheckResult.fail("Application " + app + " is running on " + ctx.peer.node(),
                    "run clbuildapp on " + ctx.peer.node() + ", the node that runs it (8.1), or stop it first "
                    + "(clhaltapp)"));
        } else if (ctx.runningHere && ctx.request.stage() == Stage.SYNC) {
            results.add(CheckResult.fail("Application " + app + " is running on " + ctx.localNode() + "; its data "
                    + "is replicated while it runs, --sync is for a stopped application", "stop it first "
                    + "(clhaltapp -A " + app + "), or leave the synchronisation to the running cluster"));
        } else if (ctx.runningHere && !ctx.request.force()) {
            results.add(CheckResult.fail("Application " + app + " is running on " + ctx.localNode(),
                    "use --force to rebuild a running application (18)"));
        } else if (ctx.runningHere) {
            results.add(CheckResult.warn("Application rebuild selected for running application.",
                    "none needed: new file systems are brought into the cluster on-line"));
        }
        return results;
    }

    private static boolean mountedOnDrbd(AppEnvironment env, BuildContext ctx) {
        Optional<FsMap> old = loadOldFsmap(env, ctx);
        return old.isPresent() && old.get().entries().stream().anyMatch(e -> env.mounts().mountAt(e.mountPoint())
                .map(m -> m.source().startsWith("/dev/drbd")).orElse(false));
    }

    static Optional<FsMap> loadOldFsmap(AppEnvironment env, BuildContext ctx) {
        if (ctx.oldFsmap.isEmpty() && Files.exists(env.paths().fsmap(ctx.application()))) {
            try {
                ctx.oldFsmap = Optional.of(FsMap.load(env.paths(), ctx.application()));
            } catch (ConfigException e) {
                throw new BuildStepException(e.getMessage() + "; remove the file and rebuild with --force --fsmap "
                        + "while the file systems are mounted (18.1.2)", e);
            }
        }
        return ctx.oldFsmap;
    }

    /** 8.3/8.5: an existing fsmap or build checksum means the application is built; only --force continues. */
    private static List<CheckResult> builtAlready(AppEnvironment env, BuildContext ctx) {
        String app = ctx.application();
        Path fsmap = env.paths().fsmap(app);
        Path checksum = env.paths().applicationBuildChecksum(app);
        boolean built = Files.exists(fsmap) || Files.exists(checksum);
        if (built) {
            loadOldFsmap(env, ctx);
        }
        if (!built) {
            return List.of(CheckResult.ok("Application " + app + " is not built yet (" + fsmap
                    + " does not exist)"));
        }
        if (!ctx.request.force()) {
            return List.of(CheckResult.fail("Application " + app + " appears to be built already ("
                    + (Files.exists(fsmap) ? fsmap : checksum) + " exists)", "use --force to rebuild it (18), or "
                    + "remove it with clremoveapp first"));
        }
        return List.of(CheckResult.ok("REBUILD: Original fsmap entry count: " + ctx.oldFsmap.map(f -> f.entries()
                .size()).orElse(0)));
    }

    private static List<CheckResult> builtForSync(AppEnvironment env, BuildContext ctx) throws IOException {
        String app = ctx.application();
        BuildChecksum checksum = BuildChecksum.application(env.paths(), app);
        BuildStatus status = checksum.status();
        if (status != BuildStatus.VALID) {
            return List.of(CheckResult.fail(String.join(" ", checksum.messageLines(status)),
                    "run clbuildapp -A " + app + " --vgbuild and --build" + (status == BuildStatus.CHANGED
                    ? " --force" : "") + " first"));
        }
        if (loadOldFsmap(env, ctx).isEmpty()) {
            return List.of(CheckResult.fail("Application " + app + " has no fsmap " + env.paths().fsmap(app),
                    "run clbuildapp -A " + app + " --build --force"));
        }
        return List.of(CheckResult.ok("Validated build checksum of " + app + " and its fsmap ("
                + ctx.oldFsmap.get().entries().size() + " file systems)"));
    }

    /** The start and stop programs exist and are executable here (they often live on a replicated volume). */
    private static List<CheckResult> scripts(BuildContext ctx) {
        List<CheckResult> results = new ArrayList<>();
        check(results, "start", ctx.app.startScript(), ctx);
        check(results, "stop", ctx.app.stopScript(), ctx);
        return results;
    }

    private static void check(List<CheckResult> results, String which, Optional<ScriptCommand> script,
                              BuildContext ctx) {
        String element = "<application><" + which + "script>";
        if (script.isEmpty()) {
            results.add(CheckResult.warn("Application " + ctx.application() + " has no " + which + " script",
                    "add " + element + " to its appconf.xml unless it needs none"));
            return;
        }
        Path program = Path.of(script.get().program());
        if (!Files.exists(program)) {
            results.add(CheckResult.fail("The " + which + " script " + program + " of " + ctx.application()
                    + " does not exist on " + ctx.localNode(), "create it, or correct " + element + " in appconf.xml"
                    + "; if it lives on a file system of the application, mount that file system first"));
        } else if (!Files.isRegularFile(program) || !Files.isExecutable(program)) {
            results.add(CheckResult.fail("The " + which + " script " + program + " of " + ctx.application()
                    + " is not an executable file on " + ctx.localNode(), "chmod 755 " + program));
        } else {
            results.add(CheckResult.ok("Validated " + which + " script " + program));
        }
    }

    static boolean hasSimvg(BuildContext ctx) {
        return ctx.peer.runner().run(Command.of("sh", "-c", "command -v simvg").withTimeout(QUICK).asProbe())
                .succeeded();
    }
}

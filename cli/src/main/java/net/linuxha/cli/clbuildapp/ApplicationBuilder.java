package net.linuxha.cli.clbuildapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.resources.ResourceException;
import net.linuxha.common.shell.Command;
import net.linuxha.common.storage.ApplicationStorage;
import net.linuxha.common.storage.FsMap;
import net.linuxha.common.storage.FsMapEntry;
import org.slf4j.Logger;

/**
 * --build (8.5, 14.8; with --force the rebuilds of 18): ports and DRBD minors on both nodes, mount points on the other
 * node, the fsmap on both, the DRBD resource files on both, the application's directory copied to the other node,
 * on-line changes for a running application, the build checksum on both, and registration with a running cluster.
 * The checksum is written last, so a build that stopped half way never looks valid.
 */
final class ApplicationBuilder {

    private static final List<String> NOT_COPIED = List.of(".appbuild.md5", ".vgbuild.md5");

    private final AppEnvironment env;
    private final BuildContext ctx;
    private final Logger log;

    ApplicationBuilder(AppEnvironment env, BuildContext ctx, Logger log) {
        this.env = Objects.requireNonNull(env, "env");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.log = Objects.requireNonNull(log, "log");
    }

    void run() throws IOException, ResourceException, ConfigException, InterruptedException {
        String app = ctx.application();
        FsMap fsmap = ctx.fsmap();
        List<FsMapEntry> removed = removedFileSystems(fsmap);
        ResourceAllocator resources = ResourceAllocator.of(env, ctx);
        ApplicationStorage storage = env.storage().open(ctx.setup);
        OnlineChanges online = new OnlineChanges(env, ctx, storage, log);
        if (!removed.isEmpty()) {
            online.takeDown(removed);
        }
        resources.releaseRemoved(ctx, removed, log);
        resources.allocate(ctx, log);
        createMountPoints();
        if (ctx.rebuild()) {
            log.info("REBUILD: Current fsmap being replaced on " + ctx.localNode() + ".");
        }
        fsmap.write(env.paths());
        log.info((ctx.rebuild() ? "REBUILD: Recreated" : "Created") + " fsmap data for " + app + " on "
                + ctx.localNode());
        ctx.peer.install(env.paths().fsmap(app), ctx.peer.paths().fsmap(app).toString(), "644");
        log.info("Copied fsmap data for " + app + " to " + ctx.peer.node());
        if (!fsmap.entries().isEmpty()) {
            storage.configure(app, ctx.setup.config(), ctx.app.syncRateKb(), resources);
            log.info("DRBD resources of " + app + " configured on " + ctx.localNode() + " and " + ctx.peer.node());
        }
        copyApplicationDirectory();
        if (ctx.runningHere) {
            online.apply();
        }
        BuildChecksum checksum = BuildChecksum.application(env.paths(), app);
        checksum.record();
        ctx.peer.install(checksum.checksumFile(), ctx.peer.paths().applicationBuildChecksum(app).toString(), "644");
        log.info("Recorded build checksum of " + app + " on " + ctx.localNode() + " and " + ctx.peer.node());
        register();
        log.info("");
        log.info("Cluster build has completed successfully.");
        if (ctx.rebuild()) {
            log.info("The rebuild addition / removal of file systems has been");
            log.info("completed without problems. Please note that the new file systems");
            log.info("may still be in the process of being synchronised.");
        } else {
            log.info("Now use the --sync option to ensure that all");
            log.info("file systems on the other node are synchronised");
        }
        log.info("");
    }

    private List<FsMapEntry> removedFileSystems(FsMap fsmap) {
        if (ctx.oldFsmap.isEmpty()) {
            return List.of();
        }
        return ctx.oldFsmap.get().entries().stream().filter(e -> fsmap.entry(e.id()).isEmpty()).toList();
    }

    /** 8.5 "Ensure that the mount points ... can be made on the remote machine", with the same permissions. */
    private void createMountPoints() throws IOException {
        for (FoundFileSystem fs : ctx.fileSystems()) {
            Path point = fs.entry().mountPoint();
            ctx.peer.require("create mount point " + point, Command.of("mkdir", "-p", point.toString()));
            if (Files.isDirectory(point)) {
                String mode = Integer.toOctalString(modeOf(point));
                ctx.peer.require("set mode " + mode + " on " + point, Command.of("chmod", mode, point.toString()));
            }
            log.info("Validated file system mount point " + point + " on " + ctx.peer.node());
        }
    }

    private static int modeOf(Path path) throws IOException {
        int mode = 0;
        for (var p : Files.getPosixFilePermissions(path)) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    /** 8.5 "Copy the application configuration files across", 14.8 "Transferring XML file lems.local.xml". */
    private void copyApplicationDirectory() throws IOException {
        Path dir = env.paths().applicationDir(ctx.application());
        Path remoteDir = ctx.peer.paths().applicationDir(ctx.application());
        ctx.peer.require("create " + remoteDir, Command.of("mkdir", "-p", remoteDir.toString()));
        log.info("Validated/created application config directory on " + ctx.peer.node());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(p -> !NOT_COPIED.contains(p.getFileName().toString()))
                    .filter(p -> !dir.relativize(p).startsWith("flags")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            Path relative = dir.relativize(file);
            String mode = Integer.toOctalString(modeOf(file));
            ctx.peer.install(file, remoteDir.resolve(relative).toString(), mode);
            if (!relative.toString().equals("appconf.xml")) {
                log.info("Transferring " + (relative.toString().endsWith(".xml") ? "XML file " : "file ") + relative
                        + " to " + ctx.peer.node() + ".");
            }
        }
        log.info("Copied config data for " + ctx.application() + " to " + ctx.peer.node());
    }

    /** 8.1: a built application is available at once in a running cluster, without restarting anything. */
    private void register() {
        if (ctx.clusterNode.isEmpty()) {
            log.info("Cluster is not running; application " + ctx.application() + " is known to it when it forms.");
            return;
        }
        String answer = env.cluster().apply(ctx.setup).register(ctx.clusterNode.get(), ctx.application());
        log.info("Application " + ctx.application() + " now (re)registered with cluster (" + answer.strip() + ").");
    }
}

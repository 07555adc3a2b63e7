package net.linuxha.cli.clbuildapp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import net.linuxha.cli.checks.CheckResult;
import net.linuxha.common.resources.Allocation;
import net.linuxha.common.resources.CommandResourceStore;
import net.linuxha.common.resources.ResourceException;
import net.linuxha.common.resources.ResourceKind;
import net.linuxha.common.resources.ResourceOwner;
import net.linuxha.common.resources.ResourcePools;
import net.linuxha.common.storage.FsMapEntry;
import net.linuxha.common.storage.ReplicationSlots;
import org.slf4j.Logger;

/**
 * The ports and DRBD minors of an application's file systems on both nodes (8.5 "Allocate the necessary port and
 * DRBD devices for this application, (both locally and remotely). If the devices already exist for these resources
 * then simply use those"; 18.2.1 "REBUILD: Removed port resource 9905 ..."). A file system has the same numbers on
 * both nodes: the lowest free on both.
 */
final class ResourceAllocator implements ReplicationSlots {

    private final ResourcePools local;
    private final ResourcePools peer;
    private final String localNode;
    private final String peerNode;

    ResourceAllocator(ResourcePools local, ResourcePools peer, String localNode, String peerNode) {
        this.local = Objects.requireNonNull(local, "local");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.localNode = Objects.requireNonNull(localNode, "localNode");
        this.peerNode = Objects.requireNonNull(peerNode, "peerNode");
    }

    static ResourceAllocator of(AppEnvironment env, BuildContext ctx) {
        return new ResourceAllocator(ResourcePools.local(env.paths()), new ResourcePools(new CommandResourceStore(
                ctx.peer.runner(), ctx.peer.paths().resourcesDir().toString(), ctx.peer.node())), ctx.localNode(),
                ctx.peer.node());
    }

    /** 8.5 "Ascertain the number of ports and DRBD devices needed ... and ensure enough resources exist on both". */
    static List<CheckResult> available(AppEnvironment env, BuildContext ctx) throws IOException {
        return of(env, ctx).check(ctx);
    }

    List<CheckResult> check(BuildContext ctx) throws IOException {
        List<CheckResult> results = new ArrayList<>();
        int needed = 0;
        for (FoundFileSystem fs : ctx.fileSystems()) {
            if (local.allocation(ResourceKind.PORT, owner(ctx, fs.entry())).isEmpty()) {
                needed++;
            }
        }
        boolean enough = true;
        for (ResourcePools pools : List.of(local, peer)) {
            String node = pools == local ? localNode : peerNode;
            int ports = pools.free(ResourceKind.PORT).size();
            int drbd = pools.free(ResourceKind.DRBD_MINOR).size();
            results.add(CheckResult.ok(node + " available: PORTS: " + ports + ", DRBD: " + drbd));
            if (ports < needed || drbd < needed) {
                enough = false;
                results.add(CheckResult.fail(node + " has " + ports + " free ports and " + drbd + " free DRBD "
                        + "devices; application " + ctx.application() + " needs " + needed + " of each",
                        ports + drbd == 0 ? "run clbuild: it creates the resource pools on both nodes"
                        : "widen <portpool> or raise <maxblockdevs> in clconf.xml and run clbuild --force, or "
                        + "remove an application with clremoveapp"));
            }
        }
        if (enough) {
            results.add(CheckResult.ok((ctx.rebuild() ? "REBUILD: " : "") + "Validated enough resources available "
                    + "on both nodes"));
            if (ctx.rebuild()) {
                results.add(CheckResult.ok("REBUILD: Ports/DRBD resources required: " + needed));
            }
        }
        return results;
    }

    private static ResourceOwner owner(BuildContext ctx, FsMapEntry e) {
        return ResourceOwner.of(ctx.application(), e.vg(), e.lv());
    }

    /** Allocates a port and a minor for every file system, the same on both nodes; logs each as the Reference. */
    void allocate(BuildContext ctx, Logger log) throws IOException, ResourceException {
        for (FoundFileSystem fs : ctx.fileSystems()) {
            ResourceOwner owner = owner(ctx, fs.entry());
            for (ResourceKind kind : ResourceKind.values()) {
                int number = number(kind, owner);
                String what = kind == ResourceKind.PORT ? "port" : "DRBD";
                local.allocate(kind, owner, number);
                log.info("Host/VG/LV " + localNode + "/" + fs.entry().vg() + "/" + fs.entry().lv() + " allocated "
                        + what + " " + number);
                peer.allocate(kind, owner, number);
                log.info("Host/VG/LV " + peerNode + "/" + fs.entry().vg() + "/" + fs.entry().lv() + " allocated "
                        + what + " " + number);
            }
        }
    }

    /** The number the owner holds on either node, else the lowest free on both. */
    private int number(ResourceKind kind, ResourceOwner owner) throws IOException, ResourceException {
        var held = local.allocation(kind, owner).or(() -> {
            try {
                return peer.allocation(kind, owner);
            } catch (IOException e) {
                throw new BuildStepException("cannot read the resource pools of " + peerNode + ": "
                        + e.getMessage(), e);
            }
        });
        if (held.isPresent()) {
            return held.get().number();
        }
        OptionalInt free = ResourcePools.firstFreeOnAll(kind, List.of(local, peer));
        if (free.isEmpty()) {
            throw new ResourceException("no " + kind.noun() + " is free on both " + localNode + " and " + peerNode
                    + " for " + owner + ": widen the pool in clconf.xml and run clbuild --force");
        }
        return free.getAsInt();
    }

    /** 18.2.1: gives back what file systems no longer in the application held, on both nodes. */
    void releaseRemoved(BuildContext ctx, List<FsMapEntry> removed, Logger log) throws IOException,
            ResourceException {
        for (FsMapEntry e : removed) {
            ResourceOwner owner = owner(ctx, e);
            for (ResourcePools pools : List.of(local, peer)) {
                String node = pools == local ? localNode : peerNode;
                for (ResourceKind kind : ResourceKind.values()) {
                    for (Allocation a : pools.release(kind, owner).stream().toList()) {
                        log.info("REBUILD: Removed " + (kind == ResourceKind.PORT ? "port" : "DRBD") + " resource "
                                + a.number() + " for " + e.vg() + "/" + e.lv() + " on host " + node + ".");
                    }
                }
            }
        }
    }

    @Override
    public Slot slotFor(String application, String vg, String lv) {
        ResourceOwner owner = ResourceOwner.of(application, vg, lv);
        try {
            int port = local.allocation(ResourceKind.PORT, owner).map(Allocation::number).orElseThrow();
            int minor = local.allocation(ResourceKind.DRBD_MINOR, owner).map(Allocation::number).orElseThrow();
            return new Slot(port, minor);
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("no port or DRBD device is allocated to " + owner + " on " + localNode
                    + "; run clbuildapp -A " + application + " --build --force", e);
        }
    }
}

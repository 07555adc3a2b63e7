package net.linuxha.common.storage;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job: start an application's DRBD resources (11.1 "Local DRBD devices started successfully", 8.6 "start the DRBD
 * device server processes" remotely). A volume whose disk has no DRBD meta data yet gets it first
 * ({@code drbdadm create-md}); a resource that is already up is left as it is.
 */
final class DrbdStartup {

    private static final Logger LOG = LoggerFactory.getLogger(DrbdStartup.class);

    private final StorageContext ctx;

    DrbdStartup(StorageContext ctx) {
        this.ctx = ctx;
    }

    /** @return false when scope is BOTH and the peer could not start its devices (the reason is logged) */
    boolean bringUp(FsMap fsmap, Scope scope) {
        List<Volume> volumes = Volume.all(fsmap, ctx);
        upOn(ctx.local(), volumes);
        LOG.info("Local DRBD devices started successfully.");
        if (scope == Scope.LOCAL) {
            return true;
        }
        LOG.info("Attempting to start DRBD services on {}.", ctx.peer().name());
        try {
            upOn(ctx.peer(), volumes);
        } catch (RuntimeException e) {
            LOG.warn("DRBD devices could not be started on {}: {}", ctx.peer().name(), e.getMessage());
            LOG.warn("Application {} data is not replicated to {} until its DRBD devices are started there.",
                    fsmap.application(), ctx.peer().name());
            return false;
        }
        LOG.info("DRBD devices started successfully on {}.", ctx.peer().name());
        return true;
    }

    static void upOn(StorageNode node, List<Volume> volumes) {
        for (Volume v : volumes) {
            if (node.drbd().status(v.resource()).isPresent()) {
                LOG.info("DRBD resource {} already started on {}.", v.resource(), node.name());
                continue;
            }
            if (!node.drbd().hasMetadata(v.resource())) {
                LOG.info("Creating DRBD meta data for {} ({}) on {}.", v.resource(), v.fs().lvDevice(), node.name());
                node.drbd().createMetadata(v.resource());
            }
            node.drbd().up(v.resource());
        }
    }
}

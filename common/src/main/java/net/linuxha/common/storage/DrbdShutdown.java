package net.linuxha.common.storage;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Job: stop an application's DRBD resources here and, for {@link Scope#BOTH}, on the peer (11.4, 8.6.1 down). */
final class DrbdShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(DrbdShutdown.class);

    private final StorageContext ctx;

    DrbdShutdown(StorageContext ctx) {
        this.ctx = ctx;
    }

    /** @return false when scope is BOTH and the peer's devices could not be stopped (the reason is logged) */
    boolean takeDown(FsMap fsmap, Scope scope) {
        List<Volume> volumes = Volume.all(fsmap, ctx);
        LOG.info("Stopping all active DRBD connections on {}.", ctx.local().name());
        downOn(ctx.local(), volumes);
        LOG.info("All active DRBD devices stopped locally.");
        if (scope == Scope.LOCAL) {
            return true;
        }
        LOG.info("Stopping all active DRBD devices on {}.", ctx.peer().name());
        try {
            downOn(ctx.peer(), volumes);
        } catch (RuntimeException e) {
            LOG.warn("Remote server not responding - can not shutdown DRBD devices on {}: {}", ctx.peer().name(),
                    e.getMessage());
            return false;
        }
        LOG.info("All active DRBD devices stopped remotely.");
        return true;
    }

    private static void downOn(StorageNode node, List<Volume> volumes) {
        for (Volume v : volumes) {
            if (node.drbd().status(v.resource()).isPresent()) {
                try {
                    node.drbd().down(v.resource());
                } catch (RuntimeException e) {
                    throw new StorageException("Cannot stop DRBD resource " + v.resource() + " on " + node.name()
                            + ": " + e.getMessage() + ". If " + v.fs().mountPoint() + " is still mounted there, "
                            + "unmount it first", e);
                }
            }
        }
    }
}

package net.linuxha.common.storage;

import java.util.Optional;
import net.linuxha.common.shell.DrbdException;
import net.linuxha.common.shell.DrbdResourceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Job: make this node's DRBD devices of an application primary or secondary (11.1, 11.4). */
final class DrbdRoles {

    private static final Logger LOG = LoggerFactory.getLogger(DrbdRoles.class);

    private final StorageContext ctx;

    DrbdRoles(StorageContext ctx) {
        this.ctx = ctx;
    }

    void makePrimary(FsMap fsmap, PrimaryMode mode) {
        LOG.info("Attempting to make local DRBD devices primary...");
        for (Volume v : Volume.all(fsmap, ctx)) {
            DrbdResourceStatus status = requireUp(v, fsmap.application());
            if (status.isPrimary()) {
                continue;
            }
            try {
                ctx.local().drbd().primary(v.resource(), false);
            } catch (DrbdException e) {
                if (mode != PrimaryMode.FORCE_IF_NEEDED || !e.getMessage().contains("UpToDate")) {
                    throw new StorageException("Cannot make DRBD resource " + v.resource() + " (" + v.fs().mountPoint()
                            + ") primary on " + ctx.local().name() + ": " + e.getMessage() + ". "
                            + advice(e.getMessage()), e);
                }
                LOG.warn("Forcing DRBD resource {} primary: the copy on {} is taken as the valid one.", v.resource(),
                        ctx.local().name());
                ctx.local().drbd().primary(v.resource(), true);
            }
        }
        LOG.info("All local DRBD now primary.");
    }

    void makeSecondary(FsMap fsmap) {
        for (Volume v : Volume.all(fsmap, ctx)) {
            Optional<DrbdResourceStatus> status = ctx.local().drbd().status(v.resource());
            if (status.isEmpty() || !status.get().isPrimary()) {
                continue;
            }
            try {
                ctx.local().drbd().secondary(v.resource());
            } catch (DrbdException e) {
                throw new StorageException("Cannot make DRBD resource " + v.resource() + " secondary on "
                        + ctx.local().name() + ": " + e.getMessage() + ". Unmount " + v.fs().mountPoint()
                        + " first (drbd_tool --action unmount)", e);
            }
        }
        LOG.info("All local DRBD devices of {} now secondary.", fsmap.application());
    }

    private DrbdResourceStatus requireUp(Volume v, String application) {
        return ctx.local().drbd().status(v.resource()).orElseThrow(() -> new StorageException("DRBD resource "
                + v.resource() + " is not started on " + ctx.local().name() + "; start it first (drbd_tool "
                + "--application " + application + " --action start --noprimary)"));
    }

    private static String advice(String drbdSays) {
        if (drbdSays.contains("Multiple primaries")) {
            return "The other node has it primary: stop the application there first";
        }
        if (drbdSays.contains("UpToDate")) {
            return "This node's copy is not known to be current; start the application where the data is "
                    + "current, or use --force if this node's copy must be used";
        }
        return "Check 'drbdadm -c /etc/drbd.d/linuxha.conf status'";
    }
}

package net.linuxha.cli.clstartapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.linuxha.cli.app.AppSession;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.MountDriver;
import net.linuxha.common.storage.FsMapEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code clstartapp --checks} (Reference 22.1: "Perform the maximum amount of checking"): before anything is
 * touched, every logical volume of the fsmap exists here, no mount point is in use, and when the other node answers
 * ssh its appconf.xml is the same file as this node's. Each problem is one ERROR line with its fix.
 */
final class StartChecks {

    private static final Logger LOG = LoggerFactory.getLogger("clstartapp");

    private final AppSession session;
    private final boolean sshWorks;

    StartChecks(AppSession session, boolean sshWorks) {
        this.session = session;
        this.sshWorks = sshWorks;
    }

    boolean passed() throws ConfigException {
        boolean ok = true;
        MountDriver mounts = new MountDriver(session.env().runner());
        for (FsMapEntry fs : session.fsmap().entries()) {
            if (!Files.exists(Path.of(fs.lvDevice()))) {
                LOG.error("Logical volume {} of {} does not exist on {}; create it (clbuildapp --vgbuild) or "
                        + "correct the fsmap with clbuildapp --build", fs.lvDevice(), fs.mountPoint(),
                        session.localNode());
                ok = false;
            }
            if (mounts.mountAt(fs.mountPoint()).isPresent()) {
                LOG.error("{} is already mounted on {} ({}); unmount it before starting {}", fs.mountPoint(),
                        session.localNode(), mounts.mountAt(fs.mountPoint()).get().source(), session.name());
                ok = false;
            }
        }
        if (sshWorks) {
            ok &= sameConfigurationOnPeer();
        }
        if (ok) {
            LOG.info("Additional start-up checks (--checks) passed.");
        }
        return ok;
    }

    private boolean sameConfigurationOnPeer() throws ConfigException {
        Path appconf = session.env().paths().appconf(session.name());
        String here;
        try {
            here = BuildChecksum.application(session.env().paths(), session.name()).compute();
        } catch (IOException e) {
            LOG.error("Cannot read {}: {}", appconf, e.getMessage());
            return false;
        }
        CommandResult there = session.peerShell().run(Command.of("md5sum", appconf.toString())
                .withTimeout(Duration.ofSeconds(20)));
        String peer = session.peerNode();
        if (!there.succeeded()) {
            LOG.error("Cannot read {} on {} ({}); copy the application's configuration there (clbuildapp --build)",
                    appconf, peer, there.describeFailure());
            return false;
        }
        if (!there.stdout().startsWith(here)) {
            LOG.error("{} differs between {} and {}; rerun clbuildapp --application {} --build so both nodes hold "
                    + "the same configuration", appconf, session.localNode(), peer, session.name());
            return false;
        }
        LOG.info("{} is the same on {} and {}.", appconf, session.localNode(), peer);
        return true;
    }
}

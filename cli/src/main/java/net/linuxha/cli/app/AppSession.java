package net.linuxha.cli.app;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.linuxha.cli.cluster.ChecksumGate;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ApplicationConfig;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.BuildStatus;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.LockConfig;
import net.linuxha.common.config.LockDefinition;
import net.linuxha.common.lock.ClusterLocks;
import net.linuxha.common.lock.LockBusyException;
import net.linuxha.common.lock.LockHandle;
import net.linuxha.common.log.LogFiles;
import net.linuxha.common.shell.RemoteShell;
import net.linuxha.common.storage.ApplicationStorage;
import net.linuxha.common.storage.DrbdFiles;
import net.linuxha.common.storage.FsMap;
import net.linuxha.common.storage.FsMapEntry;
import net.linuxha.common.wire.WireClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything clstartapp and clhaltapp know about one application once its configuration checked out (Reference
 * 11.1, 11.2 items 1-11): the cluster, the application's validated appconf.xml and fsmap, its storage, the locks, the
 * status directories of both nodes, the local cluster daemon and Lems.
 */
public final class AppSession {

    /** When cllocks.xml does not name a lock: wait as long as the built-in NBD locks may be held. */
    static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(45);
    private static final Logger LOG = LoggerFactory.getLogger(AppSession.class);

    private final ToolEnvironment env;
    private final ClusterSetup setup;
    private final ApplicationConfig app;
    private final FsMap fsmap;
    private final ClusterLocks locks;
    private final LockConfig lockConfig;

    private AppSession(ToolEnvironment env, ClusterSetup setup, ApplicationConfig app, FsMap fsmap,
                       ClusterLocks locks, LockConfig lockConfig) {
        this.env = env;
        this.setup = setup;
        this.app = app;
        this.fsmap = fsmap;
        this.locks = locks;
        this.lockConfig = lockConfig;
    }

    /**
     * Loads and checks the cluster and application configuration, logging the Reference's lines.
     *
     * @throws ConfigException  for a missing or invalid clconf.xml, appconf.xml or fsmap
     * @throws ToolException    {@link ExitCode#CONFIG} for a configuration changed since it was built
     */
    public static AppSession open(ToolEnvironment env, String application, boolean noChecksums, boolean noLocking,
                                  String tool) throws ConfigException {
        ClusterSetup setup = env.loadSetup(Optional.empty());
        setup.local();
        ClusterPaths paths = env.paths();
        if (noChecksums) {
            LOG.warn("--nochecksums given: the configuration files are not checked against their build checksums");
        } else {
            ChecksumGate.require(ChecksumGate.of(paths, Optional.empty()));
            LOG.info("Validated checksum for cluster configuration");
        }
        for (String node : List.of(setup.local().name(), setup.peer().name())) {
            try {
                env.resolver().resolve(node);
            } catch (UnknownHostException e) {
                throw ToolException.config("Node name " + node + " does not resolve to an IP address; add it to "
                        + "/etc/hosts (or DNS) on this node");
            }
        }
        LOG.info("Checked that node names resolve to IP addresses");
        if (!Files.isRegularFile(paths.appconf(application))) {
            throw ToolException.config("Could not find appconf.xml for " + application + " ("
                    + paths.appconf(application) + "); build the application with clbuildapp first, or check the "
                    + "name given to --application");
        }
        if (!noChecksums) {
            BuildChecksum checksum = BuildChecksum.application(paths, application);
            BuildStatus status;
            try {
                status = checksum.status();
            } catch (IOException e) {
                throw ToolException.config("Cannot read " + checksum.configFile() + " or " + checksum.checksumFile()
                        + ": " + e.getMessage() + "; check both files or rerun clbuildapp --build");
            }
            if (status != BuildStatus.VALID) {
                throw ToolException.config(String.join("\n", checksum.messageLines(status)));
            }
        }
        ApplicationConfig app = ApplicationConfig.load(paths.appconf(application)).config();
        LOG.info("Validated Build run has completed against this configuration.");
        FsMap fsmap = app.volumeGroups().isEmpty() && !Files.exists(paths.fsmap(application))
                ? new FsMap(application, List.of()) : FsMap.load(paths, application);
        ClusterLocks locks = ClusterLocks.forTool(setup, tool, noLocking);
        LockConfig lockConfig = LockConfig.load(paths.cllocks()).config();
        return new AppSession(env, setup, app, fsmap, locks, lockConfig);
    }

    public ToolEnvironment env() {
        return env;
    }

    public ClusterSetup setup() {
        return setup;
    }

    public ApplicationConfig app() {
        return app;
    }

    public String name() {
        return app.name();
    }

    public FsMap fsmap() {
        return fsmap;
    }

    public boolean hasStorage() {
        return !fsmap.entries().isEmpty();
    }

    public List<FileSystemId> fileSystems() {
        return fsmap.entries().stream().map(FsMapEntry::id).toList();
    }

    public String localNode() {
        return setup.localNode();
    }

    public String peerNode() throws ConfigException {
        return setup.peer().name();
    }

    public LogFiles logFiles() {
        return new LogFiles(env.paths());
    }

    public ApplicationStorage storage() throws ConfigException {
        return ApplicationStorage.open(setup, env.runner());
    }

    public DrbdFiles drbdFiles() {
        return DrbdFiles.of(env.paths());
    }

    public RemoteShell peerShell() throws ConfigException {
        return new RemoteShell(env.runner(), peerNode());
    }

    public LocalStatusDirectory localStatus() {
        return new LocalStatusDirectory(localNode(), env.paths().applicationStatusDir(name()));
    }

    public RemoteStatusDirectory remoteStatus() throws ConfigException {
        return new RemoteStatusDirectory(peerShell(), env.paths().applicationStatusDir(name()).toString());
    }

    public RemoteNodeProbe remoteProbe() throws ConfigException {
        return new RemoteNodeProbe(env.runner(), peerShell());
    }

    public ClusterDaemonLink daemon() {
        int port = setup.config().port();
        return new ClusterDaemonLink(new WireClient(env.locator().locate(localNode(), port, true),
                "local cluster daemon", setup.wireContext()));
    }

    public LemsControl lems() {
        return new LemsControl(name(), env.paths().lemsConfig(name()), env.binDir(), env.runner(),
                setup.wireContext());
    }

    public ServiceAddresses addresses() {
        return new ServiceAddresses(env.runner());
    }

    /**
     * Takes a cluster lock (11.1: NET, NBD_CLIENT, NBD_SERVER), waiting as long as its holder may keep it.
     *
     * @throws StepFailedException when someone still holds it after that
     */
    public LockHandle lock(String name) {
        Duration wait = lockConfig.lock(name).map(LockDefinition::maxHold).orElse(DEFAULT_LOCK_WAIT)
                .plusSeconds(5);
        try {
            return locks.acquire(name, wait);
        } catch (LockBusyException e) {
            throw new StepFailedException(e.getMessage() + "; see 'cllockd' LOCK_STATUS for who holds it", e);
        }
    }

    /** Closes a lock handle, logging instead of failing (the work under the lock is done). */
    public static void release(LockHandle handle) {
        Objects.requireNonNull(handle, "handle");
        try {
            handle.close();
        } catch (RuntimeException e) {
            LOG.warn("Releasing lock {} failed: {}", handle, e.getMessage());
        }
    }
}

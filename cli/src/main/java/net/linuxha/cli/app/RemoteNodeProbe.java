package net.linuxha.cli.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.linuxha.common.app.RemoteNodeStatus;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.RemoteShell;
import net.linuxha.common.storage.DrbdFiles;
import net.linuxha.common.storage.DrbdResourceName;
import net.linuxha.common.storage.FsMap;
import net.linuxha.common.storage.FsMapEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code remote_node_available} (Reference 22.3): how much of the other node can be reached from here. It runs
 * {@code ssh PEER true}, pings the peer's replication address (read from this node's DRBD resource file of the
 * application, so no ssh is needed to know it) and pings the peer by name, all at once; the name's answer counts
 * only when ssh and the replication address fail.
 */
public final class RemoteNodeProbe {

    static final Duration SSH_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(RemoteNodeProbe.class);

    private final CommandRunner runner;
    private final RemoteShell peer;

    public RemoteNodeProbe(CommandRunner runner, RemoteShell peer) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.peer = Objects.requireNonNull(peer, "peer");
    }

    /** The findings of the probes, and the 22.3 state they make. */
    public record Findings(boolean ssh, Optional<String> replicationAddress, boolean replication, boolean ping) {

        public RemoteNodeStatus status() {
            return classify(ssh, replication, ping);
        }

        /** True when commands can be run on the peer (states 0 and 2). */
        public boolean sshWorks() {
            return ssh;
        }
    }

    /**
     * The four states: ssh and replication channel -> 0; ssh only -> 2; no ssh, but the peer answers ping on its
     * name or replication address -> 3; nothing -> 1.
     */
    public static RemoteNodeStatus classify(boolean ssh, boolean replication, boolean ping) {
        if (ssh) {
            return replication ? RemoteNodeStatus.CLUSTER_UP : RemoteNodeStatus.NO_REPLICATION_CHANNEL;
        }
        return replication || ping ? RemoteNodeStatus.PING_ONLY : RemoteNodeStatus.REMOTE_DOWN;
    }

    /**
     * Probes the peer; the replication address is looked up in the application's DRBD resource files. The three
     * probes run side by side: for a node that is down (a take-over) the ssh connection timeout is the whole wait,
     * the pings no longer come after it.
     */
    public Findings probe(DrbdFiles files, FsMap fsmap) {
        Optional<String> replicationAddress = replicationAddress(files, fsmap, peer.node());
        CompletableFuture<Boolean> sshProbe = background(() -> peer.reachable(SSH_TIMEOUT));
        CompletableFuture<Boolean> replicationProbe = replicationAddress.map(a -> background(() -> ping(a)))
                .orElse(null);
        CompletableFuture<Boolean> namePing = background(() -> ping(peer.node()));
        boolean ssh = sshProbe.join();
        if (ssh) {
            LOG.info("Ssh communication to {} is working.", peer.node());
        } else {
            LOG.warn("No response from remote node {} using ssh", peer.node());
        }
        // Without file systems there is nothing to replicate: the channel is as good as ssh.
        boolean replication = replicationProbe == null ? ssh : replicationProbe.join();
        if (replicationAddress.isPresent()) {
            if (replication) {
                LOG.info("Data replication address {} of {} answers ping.", replicationAddress.get(), peer.node());
            } else {
                LOG.warn("Data replication address {} of {} does not answer ping.", replicationAddress.get(),
                        peer.node());
            }
        }
        boolean ping = !ssh && !replication && namePing.join();
        Findings findings = new Findings(ssh, replicationAddress, replication, ping);
        switch (findings.status()) {
            case CLUSTER_UP -> LOG.info("Remote node {} is up and the data replication channel works.", peer.node());
            case NO_REPLICATION_CHANNEL -> LOG.warn("Remote node {} answers ssh, but its data replication channel "
                    + "is not working.", peer.node());
            case PING_ONLY -> LOG.warn("Remote node {} answers ping but not ssh.", peer.node());
            case REMOTE_DOWN -> LOG.warn("Remote node {} is down", peer.node());
            default -> throw new IllegalStateException("unhandled " + findings.status());
        }
        return findings;
    }

    /** Each probe is bounded by its command timeout; the threads are daemons, so none outlives the tool. */
    private static CompletableFuture<Boolean> background(Supplier<Boolean> probe) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(probe.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "remote-node-probe");
        t.setDaemon(true);
        t.start();
        return result;
    }

    private boolean ping(String host) {
        return runner.run(Command.of("ping", "-n", "-q", "-c", "2", "-i", "0.3", "-W", "1", host)
                .withTimeout(Duration.ofSeconds(10)).asProbe()).succeeded();
    }

    private static final Pattern ON_NODE = Pattern.compile("\\bon\\s+(\\S+)\\s*\\{[^}]*?\\baddress\\s+"
            + "(?:ipv4\\s+)?([0-9.]+):\\d+");

    /** The peer's address in the first DRBD resource file of the application that names it. */
    static Optional<String> replicationAddress(DrbdFiles files, FsMap fsmap, String peerNode) {
        for (FsMapEntry entry : fsmap.entries()) {
            Path file = files.resourceFile(DrbdResourceName.of(fsmap.application(), entry));
            try {
                Optional<String> found = addressIn(Files.readString(file), peerNode);
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException e) {
                LOG.warn("Cannot read DRBD resource file {} ({}); rerun clbuildapp --build for {}", file,
                        e.getMessage(), fsmap.application());
            }
        }
        return Optional.empty();
    }

    static Optional<String> addressIn(String resourceText, String node) {
        Matcher m = ON_NODE.matcher(resourceText);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(node)) {
                return Optional.of(m.group(2));
            }
        }
        return Optional.empty();
    }
}

package net.linuxha.common.config;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code /etc/cluster/clconf.xml} (Reference 7.2, 7.2.1), validated. Load with {@link #load(Path)}.
 *
 * @param name         cluster name, alphanumeric; daemons are named {@code cldaemon-<name>}
 * @param version      configuration format, always "0.3"
 * @param data         always "replicated"
 * @param dataDetail   always "drbd"
 * @param dataProtocol DRBD protocol, default C
 * @param logDir       log directory, default /var/log/cluster
 * @param key          the shared secret every message is encrypted with; never printed by {@link #toString()}
 * @param port         cldaemon port
 * @param clPort       lock daemon port; absent disables cluster locking
 * @param clnetdPort   network daemon port; absent disables network fail-over
 * @param portPool     ports for replicated file systems
 * @param maxBlockDevs DRBD devices available to the cluster
 * @param drbdNetwork  the logical network that carries DRBD traffic
 * @param echoType     how networks are probed, default ICMP
 */
public record ClusterConfig(String name, String version, String data, String dataDetail, DataProtocol dataProtocol,
                            Path logDir, String key, int port, OptionalInt clPort, OptionalInt clnetdPort,
                            PortPool portPool, int maxBlockDevs, String drbdNetwork, EchoType echoType,
                            Timings timings, List<ClusterNode> nodes) {

    public static final String VERSION = "0.3";
    public static final Path DEFAULT_LOG_DIR = Path.of("/var/log/cluster");

    public ClusterConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(portPool, "portPool");
        Objects.requireNonNull(timings, "timings");
        nodes = List.copyOf(nodes);
        if (nodes.size() != 2) {
            throw new IllegalArgumentException("a cluster has exactly two nodes, not " + nodes.size());
        }
    }

    /** Reads and validates a clconf.xml; the permission check is separate ({@link ClconfPermissions}). */
    public static Loaded<ClusterConfig> load(Path file) throws ConfigException {
        return ConfigLoader.load(file, new ClusterConfigBinder());
    }

    public static Loaded<ClusterConfig> parse(Path file, String xml) throws ConfigException {
        return ConfigLoader.parse(file, xml, new ClusterConfigBinder());
    }

    /**
     * The most replicated file systems the cluster can hold: each needs a port from the pool and a block device,
     * so the lower of the two limits applies (7.2.1).
     */
    public int maxReplicatedFileSystems() {
        return Math.min(portPool.size(), maxBlockDevs);
    }

    public Optional<ClusterNode> findNode(String nodeName) {
        return nodes.stream().filter(n -> n.name().equalsIgnoreCase(nodeName)).findFirst();
    }

    public ClusterNode node(String nodeName) {
        return findNode(nodeName).orElseThrow(() -> new NoSuchElementException("node " + nodeName
                + " is not one of the nodes of cluster " + name + " (" + nodes.get(0).name() + ", "
                + nodes.get(1).name() + ")"));
    }

    /** The node that is not {@code nodeName}. */
    public ClusterNode otherNode(String nodeName) {
        ClusterNode self = node(nodeName);
        return nodes.get(0) == self ? nodes.get(1) : nodes.get(0);
    }

    /** Logical network names, as the first node lists them (both nodes define the same set). */
    public List<String> networkNames() {
        return nodes.get(0).networkNames();
    }

    @Override
    public String toString() {
        return "ClusterConfig[name=" + name + ", version=" + version + ", data=" + data + ", dataDetail=" + dataDetail
                + ", dataProtocol=" + dataProtocol + ", logDir=" + logDir + ", key=(hidden), port=" + port
                + ", clPort=" + clPort + ", clnetdPort=" + clnetdPort + ", portPool=" + portPool + ", maxBlockDevs="
                + maxBlockDevs + ", drbdNetwork=" + drbdNetwork + ", echoType=" + echoType + ", timings=" + timings
                + ", nodes=" + nodes + "]";
    }
}

package net.linuxha.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Binds clconf.xml (7.2.1) and applies clbuild's checks on it (7.2.4): required globals, version 0.3, replicated
 * data over DRBD only, distinct ports, a port pool of at least 10 ports, {@code keepalive < warn < dead}, and the
 * node topology ({@link ClusterTopologyBinder}).
 */
final class ClusterConfigBinder implements ConfigBinder<ClusterConfig> {

    private static final String KEY = "an alphanumeric key without spaces or periods";

    @Override
    public String rootElement() {
        return "clconf";
    }

    @Override
    public ClusterConfig bind(ConfigNode root, Problems problems) {
        Optional<ConfigNode> global = root.requiredChild("global", "the cluster-wide settings (<name>, <version>, "
                + "<key>, <port>, ...)");
        Optional<ConfigNode> timingsNode = root.requiredChild("timings",
                "the heartbeat timings (<keepalive>, <warn>, <dead>, <clusterform>)");
        Globals globals = global.map(g -> globals(g, problems)).orElse(null);
        Timings timings = timingsNode.map(t -> timings(t, problems)).orElse(null);
        List<ClusterNode> nodes = new ClusterTopologyBinder(problems)
                .bind(root, globals == null ? null : globals.drbdNetwork);
        if (problems.hasErrors()) {
            return null;
        }
        return new ClusterConfig(globals.name, globals.version, globals.data, globals.dataDetail,
                globals.dataProtocol, globals.logDir, globals.key, globals.port, globals.clPort, globals.clnetdPort,
                globals.portPool, globals.maxBlockDevs, globals.drbdNetwork, globals.echoType, timings, nodes);
    }

    private static Globals globals(ConfigNode global, Problems problems) {
        Globals g = new Globals();
        g.name = global.requiredText("name", "the cluster name, " + Values.ALPHANUMERIC)
                .map(f -> Values.alphanumeric(f, problems, "the cluster name, " + Values.ALPHANUMERIC)).orElse(null);
        g.version = global.requiredText("version", "\"" + ClusterConfig.VERSION + "\"")
                .map(f -> exactly(f, problems, ClusterConfig.VERSION, "\"0.3\", the only clconf.xml format this "
                        + "software reads")).orElse(null);
        g.data = global.requiredText("data", "\"replicated\"").map(f -> data(f, problems)).orElse(null);
        g.dataDetail = global.requiredText("datadetail", "\"drbd\"").map(f -> dataDetail(f, problems)).orElse(null);
        g.dataProtocol = global.text("dataprotocol").map(f -> dataProtocol(f, problems)).orElse(DataProtocol.C);
        g.logDir = global.text("logdir").map(f -> logDir(f, problems)).orElse(ClusterConfig.DEFAULT_LOG_DIR);
        g.key = global.requiredText("key", KEY).map(f -> Values.alphanumeric(f, problems, KEY)).orElse(null);
        g.drbdNetwork = global.requiredText("drbd_network", "the name of the network that carries DRBD traffic")
                .map(f -> Values.word(f, problems, "a network name (letters, digits, '_', '-')")).orElse(null);
        g.echoType = global.text("echotype").map(f -> echoType(f, problems)).orElse(EchoType.ICMP);
        ports(global, problems, g);
        return g;
    }

    private static void ports(ConfigNode global, Problems problems, Globals g) {
        Map<String, Integer> named = new LinkedHashMap<>();
        Optional<Field> port = global.requiredText("port", "the cldaemon port, " + Values.PORT);
        g.port = port.map(f -> Values.port(f, problems)).orElse(null);
        distinct(named, "port", port, g.port, problems);
        Optional<Field> clport = global.text("clport");
        Integer cl = clport.map(f -> Values.port(f, problems)).orElse(null);
        g.clPort = cl == null ? OptionalInt.empty() : OptionalInt.of(cl);
        distinct(named, "clport", clport, cl, problems);
        if (clport.isEmpty()) {
            problems.warn(global.location("clport"), "is not set, so cluster lock support is disabled; this is "
                    + "strongly discouraged (7.2.3): set it to a free port, e.g. 9849");
        }
        Optional<Field> clnetd = global.text("clnetdport");
        Integer netd = clnetd.map(f -> Values.port(f, problems)).orElse(null);
        g.clnetdPort = netd == null ? OptionalInt.empty() : OptionalInt.of(netd);
        distinct(named, "clnetdport", clnetd, netd, problems);
        if (clnetd.isEmpty()) {
            problems.warn(global.location("clnetdport"), "is not set, so the cluster network daemon and network "
                    + "fail-over are disabled: set it to a free port, e.g. 9850");
        }
        Optional<Field> pool = global.requiredText("portpool",
                "\"min,max\", a range of at least " + PortPool.MINIMUM_SIZE + " ports such as 9901,9999");
        g.portPool = pool.map(f -> portPool(f, problems)).orElse(null);
        if (g.portPool != null) {
            named.forEach((element, value) -> {
                if (g.portPool.contains(value)) {
                    problems.error(pool.get().location(), "value \"" + pool.get().raw() + "\" must not include <"
                            + element + "> (" + value + "); every cluster port must be outside the port pool");
                }
            });
        }
        g.maxBlockDevs = global.requiredText("maxblockdevs", "the number of DRBD devices, a whole number above 0")
                .map(f -> Values.positiveInteger(f, problems, "a whole number of DRBD devices greater than 0"))
                .orElse(null);
        if (g.maxBlockDevs != null && g.maxBlockDevs < PortPool.MINIMUM_SIZE) {
            problems.warn(global.location("maxblockdevs"), "value \"" + g.maxBlockDevs + "\" is small: the "
                    + "cluster can replicate at most " + g.maxBlockDevs + " file systems; 10 or more is advised");
        }
    }

    private static void distinct(Map<String, Integer> named, String element, Optional<Field> field, Integer value,
                                 Problems problems) {
        if (value == null) {
            return;
        }
        named.forEach((other, otherValue) -> {
            if (otherValue.equals(value)) {
                problems.error(field.get().location(), "value \"" + value + "\" must differ from <" + other + "> ("
                        + otherValue + "); each daemon needs its own port");
            }
        });
        named.put(element, value);
    }

    private static PortPool portPool(Field field, Problems problems) {
        String[] parts = field.raw().split(",", -1);
        String expected = "\"min,max\" with 1 <= min < max <= 65535, e.g. 9901,9999";
        if (parts.length != 2 || !parts[0].strip().matches("[0-9]{1,5}") || !parts[1].strip().matches("[0-9]{1,5}")) {
            problems.badValue(field, expected);
            return null;
        }
        int min = Integer.parseInt(parts[0].strip());
        int max = Integer.parseInt(parts[1].strip());
        if (min < 1 || max > 65535 || min >= max) {
            problems.badValue(field, expected);
            return null;
        }
        if (max - min + 1 < PortPool.MINIMUM_SIZE) {
            problems.badValue(field, "a range of at least " + PortPool.MINIMUM_SIZE + " ports (it holds "
                    + (max - min + 1) + ")");
            return null;
        }
        return new PortPool(min, max);
    }

    private static Timings timings(ConfigNode node, Problems problems) {
        Optional<Field> keepaliveField = node.requiredText("keepalive", "the heartbeat interval in seconds, e.g. 3");
        Optional<Field> warnField = node.requiredText("warn", "the seconds of silence before a warning, e.g. 7");
        Optional<Field> deadField = node.requiredText("dead", "the seconds of silence before a node is dead, e.g. 12");
        Duration keepalive = keepaliveField.map(f -> Values.positiveSeconds(f, problems)).orElse(null);
        Duration warn = warnField.map(f -> Values.positiveSeconds(f, problems)).orElse(null);
        Duration dead = deadField.map(f -> Values.positiveSeconds(f, problems)).orElse(null);
        Duration clusterform = node.text("clusterform").map(f -> Values.positiveSeconds(f, problems))
                .orElse(Timings.DEFAULT_CLUSTERFORM);
        if (keepalive != null && keepalive.compareTo(Duration.ofSeconds(3)) < 0) {
            problems.warn(keepaliveField.get().location(), "value \"" + keepaliveField.get().raw()
                    + "\" is below 3 seconds, which is not recommended (7.2.1)");
        }
        if (keepalive != null && warn != null && warn.compareTo(keepalive) <= 0) {
            problems.error(warnField.get().location(), "value \"" + warnField.get().raw()
                    + "\" must be greater than <keepalive> (" + keepaliveField.get().raw() + ")");
        }
        if (warn != null && dead != null && dead.compareTo(warn) <= 0) {
            problems.error(deadField.get().location(), "value \"" + deadField.get().raw()
                    + "\" must be greater than <warn> (" + warnField.get().raw() + ")");
        } else if (warn == null && keepalive != null && dead != null && dead.compareTo(keepalive) <= 0) {
            problems.error(deadField.get().location(), "value \"" + deadField.get().raw()
                    + "\" must be greater than <keepalive> (" + keepaliveField.get().raw() + ")");
        }
        if (keepalive == null || warn == null || dead == null || clusterform == null || problems.hasErrors()) {
            return null;
        }
        return new Timings(keepalive, warn, dead, clusterform);
    }

    private static String exactly(Field field, Problems problems, String wanted, String expected) {
        if (!field.raw().equals(wanted)) {
            problems.badValue(field, expected);
            return null;
        }
        return wanted;
    }

    private static String data(Field field, Problems problems) {
        if (field.raw().equals("shared")) {
            problems.error(field.location(), "value \"shared\" is not supported yet; it must be \"replicated\"");
            return null;
        }
        return exactly(field, problems, "replicated", "\"replicated\"");
    }

    private static String dataDetail(Field field, Problems problems) {
        String lower = field.raw().toLowerCase(Locale.ROOT);
        if (lower.equals("enbd") || lower.equals("nbd")) {
            problems.error(field.location(), "value \"" + field.raw() + "\" is no longer supported; it must be "
                    + "\"drbd\"");
            return null;
        }
        return exactly(field, problems, "drbd", "\"drbd\"");
    }

    private static DataProtocol dataProtocol(Field field, Problems problems) {
        for (DataProtocol protocol : DataProtocol.values()) {
            if (protocol.name().equalsIgnoreCase(field.raw())) {
                return protocol;
            }
        }
        problems.badValue(field, "A, B or C (the DRBD protocol; C is the safest and the default)");
        return null;
    }

    private static EchoType echoType(Field field, Problems problems) {
        for (EchoType type : EchoType.values()) {
            if (type.name().equalsIgnoreCase(field.raw())) {
                return type;
            }
        }
        problems.badValue(field, "ICMP, UDP or TCP (ICMP is the default)");
        return null;
    }

    private static Path logDir(Field field, Problems problems) {
        if (!field.raw().startsWith("/")) {
            problems.badValue(field, "an absolute directory path, normally /var/log/cluster");
            return null;
        }
        Path dir = Path.of(field.raw()).normalize();
        if (!dir.equals(ClusterConfig.DEFAULT_LOG_DIR)) {
            problems.warn(field.location(), "value \"" + field.raw() + "\" differs from /var/log/cluster; the "
                    + "Reference does not support changing the log directory (7.2.1)");
        }
        return dir;
    }

    /** Parsed globals; fields stay null where the file had an error. */
    private static final class Globals {
        String name;
        String version;
        String data;
        String dataDetail;
        DataProtocol dataProtocol;
        Path logDir;
        String key;
        Integer port;
        OptionalInt clPort;
        OptionalInt clnetdPort;
        PortPool portPool;
        Integer maxBlockDevs;
        String drbdNetwork;
        EchoType echoType;
    }
}

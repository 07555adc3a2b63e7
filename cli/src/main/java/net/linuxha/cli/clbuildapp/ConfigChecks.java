package net.linuxha.cli.clbuildapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.linuxha.cli.checks.Check;
import net.linuxha.cli.checks.CheckResult;
import net.linuxha.cli.checks.FunctionCheck;
import net.linuxha.cli.checks.NodeShell;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ApplicationClusterCheck;
import net.linuxha.common.config.ApplicationConfig;
import net.linuxha.common.config.ApplicationNetwork;
import net.linuxha.common.config.BuildChecksum;
import net.linuxha.common.config.BuildStatus;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.ConfigProblem;
import net.linuxha.common.config.Loaded;
import net.linuxha.common.config.Validation;

/**
 * The checks of 8.3 about files on this node: clconf.xml private, valid and built (its checksum valid), this host a
 * node of the cluster, appconf.xml valid and matching the cluster (networks, preferred node, dependencies 19.1).
 * Nothing else can be checked without them.
 */
final class ConfigChecks {

    static final String CLUSTER = "cluster-config";
    static final String CLUSTER_BUILT = "cluster-built";
    static final String APPCONF = "appconf";

    private ConfigChecks() {
    }

    static List<Check> all(AppEnvironment env, BuildContext ctx) {
        String app = ctx.application();
        Path clconf = env.paths().clconf();
        Path appconf = env.paths().appconf(app);
        List<Check> checks = new ArrayList<>();
        checks.add(new FunctionCheck(CLUSTER, "Checking cluster configuration " + clconf, () -> cluster(env, ctx)));
        checks.add(new FunctionCheck(CLUSTER_BUILT, "Checking the cluster build checksum", () -> {
            BuildChecksum checksum = BuildChecksum.cluster(env.paths());
            BuildStatus status = checksum.status();
            if (status == BuildStatus.VALID) {
                return List.of(CheckResult.ok("Validated checksum for cluster configuration"));
            }
            return List.of(CheckResult.fail(String.join(" ", checksum.messageLines(status)),
                    "run clbuild (with --force if the cluster is running), then clbuildapp again"));
        }).after(CLUSTER));
        checks.add(new FunctionCheck(APPCONF, "Checking application configuration " + appconf,
                () -> appconf(env, ctx, appconf)).after(CLUSTER));
        return checks;
    }

    private static List<CheckResult> cluster(AppEnvironment env, BuildContext ctx) {
        Path clconf = env.paths().clconf();
        if (!Files.isRegularFile(clconf)) {
            return List.of(CheckResult.fail("The cluster configuration file " + clconf + " does not exist",
                    "write it (root, mode 600) and run clbuild first (7.2)"));
        }
        List<CheckResult> results = new ArrayList<>();
        Loaded<ClusterConfig> loaded;
        try {
            env.permissions().check(clconf);
            loaded = ClusterConfig.load(clconf);
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                results.add(CheckResult.fail(p.toString(), "correct " + clconf + " as the message says (chown root "
                        + clconf + "; chmod 600 " + clconf + " for permissions), then run clbuild"));
            }
            return results;
        }
        ClusterConfig config = loaded.config();
        if (config.findNode(env.hostName()).isEmpty()) {
            return List.of(CheckResult.fail("This host \"" + env.hostName() + "\" is not one of the nodes of "
                    + "cluster " + config.name() + " (" + config.nodes().get(0).name() + ", "
                    + config.nodes().get(1).name() + ")", "run clbuildapp on a node of the cluster"));
        }
        ctx.setup = new ClusterSetup(env.paths(), config, loaded.warningLines(), env.hostName());
        String localName = config.node(env.hostName()).name();
        ctx.local = NodeShell.local(localName, env.runner());
        ctx.peer = env.peers().apply(config.otherNode(localName).name());
        results.add(CheckResult.ok("Cluster configuration " + clconf + " is valid and private"));
        results.add(CheckResult.ok("Node details: " + localName + " (this node), " + ctx.peer.node()));
        return results;
    }

    private static List<CheckResult> appconf(AppEnvironment env, BuildContext ctx, Path appconf) throws IOException {
        String app = ctx.application();
        String fix = "correct " + appconf + " as the message says (8.1 explains each element)";
        if (!Files.isRegularFile(appconf)) {
            return List.of(CheckResult.fail("The application configuration file " + appconf + " does not exist",
                    "create " + env.paths().applicationDir(app) + " with appconf.xml for " + app + " (8.1; "
                    + "etc-samples/apache/appconf.xml is an example)"));
        }
        List<CheckResult> results = new ArrayList<>();
        Loaded<ApplicationConfig> loaded;
        try {
            loaded = ApplicationConfig.load(appconf);
        } catch (ConfigException e) {
            e.problems().forEach(p -> results.add(CheckResult.fail(p.toString(), fix)));
            return results;
        }
        ApplicationConfig config = loaded.config();
        if (!config.name().equals(app)) {
            return List.of(CheckResult.fail(appconf + ": <global><name>: value \"" + config.name() + "\" must be \""
                    + app + "\", the name of the directory it is in", fix));
        }
        ctx.app = config;
        ctx.appconfBytes = Files.readAllBytes(appconf);
        results.add(CheckResult.ok("Application configuration " + appconf + " parsed (version "
                + config.version() + ")"));
        loaded.warnings().forEach(w -> results.add(CheckResult.warn(w.toString(), fix + ", or accept it")));
        results.add(CheckResult.ok("Validated specified syncrate setting is sane."));
        if (config.autostart()) {
            results.add(CheckResult.ok("Autostart parameter present and valid."));
        }
        if (config.preferredNode().isPresent()) {
            results.add(CheckResult.ok("Preferred_node parameter present and valid."));
        }
        for (String dependency : config.dependencies()) {
            BuildChecksum other = BuildChecksum.application(env.paths(), dependency);
            if (Files.exists(other.configFile()) && other.status() == BuildStatus.VALID) {
                results.add(CheckResult.ok("Validated dependent application " + dependency + "."));
            } else {
                results.add(CheckResult.warn("Dependent application " + dependency + " is not built (or its "
                        + "configuration changed since its build); clrunapp will not start " + app + " before it",
                        "build " + dependency + " with clbuildapp, or remove it from <global><dependencies>"));
            }
        }
        Validation validation = ApplicationClusterCheck.check(appconf, config, ctx.setup.config());
        validation.errors().forEach(p -> results.add(CheckResult.fail(p.toString(), fix)));
        validation.warnings().forEach(p -> results.add(CheckResult.warn(p.toString(), fix + ", or accept it")));
        results.add(CheckResult.ok("Number of networks to validate: " + config.networks().size()));
        for (ApplicationNetwork network : config.networks()) {
            if (network.ips().size() > 1) {
                results.add(CheckResult.warn("Multiple IP addresses detected for network " + network.net() + ".",
                        "none needed; each address is added as an alias on the network's card"));
            } else {
                results.add(CheckResult.ok("Validated single IP address for application"));
            }
            if (ctx.setup.config().networkNames().contains(network.net())) {
                results.add(CheckResult.ok("Validated network " + network.net() + " defined in cluster topology."));
            }
            if (network.netmask().isEmpty()) {
                results.add(CheckResult.warn("Network " + network.net() + " missing netmask - will use default.",
                        "add netmask=\"...\" to <network net=\"" + network.net() + "\"> if the default is wrong"));
            }
            if (network.broadcast().isEmpty()) {
                results.add(CheckResult.ok("Network " + network.net() + " missing broadcast - will use default."));
            }
            results.add(CheckResult.ok("Validated network " + network.net() + " attributes."));
        }
        return results;
    }
}

package net.linuxha.cli.clbuild;

import java.util.List;
import java.util.Objects;

import net.linuxha.cli.checks.Check;
import net.linuxha.cli.checks.CheckResult;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.ClusterNode;

/** "Check that the name of local machine is one of the node names in the configuration file" (7.2.4). */
final class LocalNodeCheck implements Check {

    static final String NAME = "local-node";

    private final ClusterConfig config;
    private final String hostName;

    LocalNodeCheck(ClusterConfig config, String hostName) {
        this.config = Objects.requireNonNull(config, "config");
        this.hostName = Objects.requireNonNull(hostName, "hostName");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Checking that this host is a node of cluster " + config.name();
    }

    @Override
    public List<CheckResult> run() {
        if (config.findNode(hostName).isPresent()) {
            return List.of(CheckResult.ok("This host " + hostName + " is a node of cluster " + config.name()));
        }
        return List.of(CheckResult.fail("This host \"" + hostName + "\" is not one of the cluster's nodes ("
                + String.join(", ", config.nodes().stream().map(ClusterNode::name).toList()) + ")",
                "run clbuild on one of the nodes, or correct <node><name> in clconf.xml to this host's name "
                        + "(uname -n)"));
    }
}

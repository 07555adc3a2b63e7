package net.linuxha.common.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks clbuildapp makes of an application against the cluster (8.3, 19.1): every network of the application
 * exists in the cluster topology (an error), and a preferred node names a node of the cluster (a warning, since
 * clstartapp ignores it). Dependencies on other applications are checked by the tools, which can see their builds.
 */
public final class ApplicationClusterCheck {

    private ApplicationClusterCheck() {
    }

    /** @param appconf the application's file, named in the messages */
    public static Validation check(Path appconf, ApplicationConfig application, ClusterConfig cluster) {
        List<ConfigProblem> errors = new ArrayList<>();
        List<ConfigProblem> warnings = new ArrayList<>();
        List<String> known = cluster.networkNames();
        for (ApplicationNetwork network : application.networks()) {
            if (!known.contains(network.net())) {
                errors.add(new ConfigProblem(appconf, "<networks><network[" + network.net() + "]>@net",
                        "value \"" + network.net() + "\" must be a network of the cluster topology in clconf.xml ("
                                + String.join(", ", known) + ")"));
            }
        }
        application.preferredNode().flatMap(PreferredNode::node).ifPresent(node -> {
            if (cluster.findNode(node).isEmpty()) {
                warnings.add(new ConfigProblem(appconf, "<global><preferred_node>", "value \"" + node
                        + "\" is not a node of cluster " + cluster.name() + " (" + cluster.nodes().get(0).name()
                        + ", " + cluster.nodes().get(1).name() + "); it is ignored"));
            }
        });
        return new Validation(errors, warnings);
    }
}

package net.linuxha.cli.clrunapp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

import net.linuxha.cli.cluster.AppStatus;
import net.linuxha.cli.cluster.Applications;
import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.NodeProbe;
import net.linuxha.cli.cluster.ToolLog;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.PreferredNode;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireException;

/**
 * {@link Placement.Facts} asked of the running cluster (25.4): ECHO of both daemons, GETVALIDNODES, PNODE and
 * APP_LIST/APP_STATUS of the contact daemon, LOADAVERAGE of each node's own daemon. Answers are kept for one
 * decision; make a new instance for the next application, since a start changes them.
 */
final class ClusterFacts implements Placement.Facts {

    private final ClusterSession session;
    private final String contact;
    private final Function<String, Optional<PreferredNode>> configured;
    private final Optional<String> assumedReset;
    private final ToolLog log;
    private Set<String> up;
    private List<AppStatus> applications;

    /**
     * @param contact    the node whose daemon answers for the cluster (UP)
     * @param configured   each application's preferred_node from its appconf.xml
     * @param assumedReset an application whose valid nodes count as reset to both nodes without asking (a
     *                     {@code --reset} previewed, so not sent)
     */
    ClusterFacts(ClusterSession session, String contact, Function<String, Optional<PreferredNode>> configured,
                 Optional<String> assumedReset, ToolLog log) {
        this.session = session;
        this.contact = contact;
        this.configured = configured;
        this.assumedReset = assumedReset;
        this.log = log;
    }

    @Override
    public List<String> nodes() {
        return session.config().nodes().stream().map(ClusterNode::name).toList();
    }

    @Override
    public String localNode() {
        return session.localNode();
    }

    @Override
    public Set<String> upNodes() {
        if (up == null) {
            up = new LinkedHashSet<>();
            session.probeAll().stream().filter(NodeProbe::isUp).map(NodeProbe::node).forEach(up::add);
        }
        return up;
    }

    @Override
    public List<String> validNodes(String application) {
        if (assumedReset.filter(application::equals).isPresent()) {
            return nodes();
        }
        Reply reply = ask(contact, new ClusterRequest.GetValidNodes(application));
        if (!reply.isOk()) {
            throw new ToolException(ExitCode.NO_ANSWER, "The cluster daemon on " + contact + " answered "
                    + "GETVALIDNODES app=" + application + " with \"" + reply.text() + "\"; see its log (cldaemon-"
                    + session.cluster() + ".log).");
        }
        return items(reply.detail());
    }

    @Override
    public Optional<String> daemonPreference(String application) {
        Reply reply = ask(contact, new ClusterRequest.Pnode(application));
        if (reply.isOk() && !reply.detail().isBlank()) {
            return Optional.of(reply.detail().strip());
        }
        log.warn("The cluster daemon on " + contact + " answered PNODE app=" + application + " with \""
                + reply.text() + "\"; using preferred_node of its appconf.xml instead.");
        return Optional.empty();
    }

    @Override
    public Optional<PreferredNode> configuredPreference(String application) {
        return configured.apply(application);
    }

    @Override
    public int runningCount(String node) {
        if (applications == null) {
            try {
                applications = new Applications(session, contact).all();
            } catch (WireException e) {
                throw unreachable(contact, e);
            }
        }
        return (int) applications.stream().filter(a -> a.runsOn(node)).count();
    }

    /** The first field of {@code 1min 5min 15min running/procs}; empty for ERROR or no answer. */
    @Override
    public OptionalDouble load(String node) {
        Reply reply;
        try {
            reply = session.ask(node, new ClusterRequest.LoadAverage());
        } catch (WireException e) {
            log.warn("No load average from " + node + ": " + e.getMessage());
            return OptionalDouble.empty();
        }
        String first = reply.text().strip().split("\\s+")[0];
        try {
            return OptionalDouble.of(Double.parseDouble(first.toLowerCase(Locale.ROOT)));
        } catch (NumberFormatException e) {
            log.warn("The cluster daemon on " + node + " answered LOADAVERAGE with \"" + reply.text()
                    + "\"; its load is left out of the choice.");
            return OptionalDouble.empty();
        }
    }

    private Reply ask(String node, ClusterRequest request) {
        try {
            return session.ask(node, request);
        } catch (WireException e) {
            throw unreachable(node, e);
        }
    }

    static ToolException unreachable(String node, WireException e) {
        return new ToolException(ExitCode.NOT_RUNNING, e.getMessage() + " (" + node + "); check the cluster with "
                + "clstat.", e);
    }

    static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}

package net.linuxha.cli.clstat;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import net.linuxha.cli.cluster.AppStatus;
import net.linuxha.cli.cluster.Applications;
import net.linuxha.cli.cluster.ChecksumGate;
import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.NodeProbe;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireException;
import net.linuxha.common.cli.HelpOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clstat} (Reference 11.3): the cluster's name and state, its nodes and a summary of its applications, as
 * the first cluster daemon that answers (this node's, else the other's) reports them. With {@code --application X}
 * the application's row, its file systems (the cluster daemon) and its process and general monitors (its Lems).
 *
 * <p>Exit codes: 0 shown; 3 the configuration is invalid or not validated by clbuild (7.2.6); 4 the cluster is not
 * running ({@code Cluster X is not running.}); 6 a daemon gave an answer that cannot be read.
 */
@Command(name = "clstat", sortOptions = false,
        description = "Shows the state of the cluster, its nodes and its applications.")
public final class ClstatTool implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Spec
    private CommandSpec spec;

    @Option(names = {"-A", "--application"}, paramLabel = "APPLICATION",
            description = "Show this application in detail: its file systems and its Lems monitors.")
    private String application;

    private final ToolEnvironment env;

    public ClstatTool() {
        this(ToolEnvironment.system());
    }

    public ClstatTool(ToolEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws ConfigException, WireException {
        ClusterSetup setup = env.loadSetup(Optional.empty());
        ChecksumGate.require(ChecksumGate.of(env.paths(), Optional.empty()));
        ClusterSession session = ClusterSession.open(setup, env);
        List<NodeProbe> probes = session.probeAll();
        NodeProbe.Running contact = probes.stream().filter(p -> p instanceof NodeProbe.Running)
                .map(p -> (NodeProbe.Running) p).findFirst()
                .orElseThrow(() -> ToolException.notRunning("Cluster " + session.cluster() + " is not running."));
        PrintWriter out = spec.commandLine().getOut();
        List<String> lines = application == null ? summary(session, probes, contact)
                : detail(session, contact);
        lines.forEach(out::println);
        out.flush();
        return ExitCode.SUCCESS.code();
    }

    private List<String> summary(ClusterSession session, List<NodeProbe> probes, NodeProbe.Running contact)
            throws WireException {
        List<NodeRow> nodes = new ArrayList<>();
        // Rows in clconf.xml order, not "this node first" as the probes are: clstat shows the same table on both
        // nodes, as 11.3 and 13.1 show it.
        for (ClusterNode configured : session.config().nodes()) {
            NodeProbe probe = probes.stream().filter(p -> p.node().equals(configured.name())).findFirst()
                    .orElseThrow();
            nodes.add(new NodeRow(probe.node(), nodeState(session, contact.node(), probe), probe.answered()));
        }
        List<AppStatus> apps = new Applications(session, contact.node()).all();
        return StatusReport.summary(session.cluster(), contact.state(), nodes, apps, env.clock().instant());
    }

    /** The node's state as the contacted daemon records it; its own answer when it is the contacted one. */
    private static String nodeState(ClusterSession session, String contact, NodeProbe probe) throws WireException {
        if (probe instanceof NodeProbe.Running running && running.node().equals(contact)) {
            return running.state();
        }
        Reply reply = session.ask(contact, new ClusterRequest.GetNodeState(probe.node()));
        if (reply.isError() || reply.text().isBlank()) {
            return probe.answered() ? ((NodeProbe.Running) probe).state() : "DOWN";
        }
        return reply.code();
    }

    private List<String> detail(ClusterSession session, NodeProbe.Running contact) throws WireException {
        Applications applications = new Applications(session, contact.node());
        AppStatus status = applications.status(application).orElseThrow(() -> ToolException.failure(
                "Application " + application + " is not registered with cluster " + session.cluster()
                        + "; clstat without --application lists the registered applications."));
        List<String> lines = new ArrayList<>();
        lines.add(StatusReport.heading(session.cluster(), contact.state()));
        lines.add("");
        lines.addAll(StatusReport.applications(List.of(status), env.clock().instant(), "Running"));
        lines.add("");
        Reply lvinfo = session.ask(contact.node(), new ClusterRequest.AppStatus(application, true, false, false));
        lines.addAll(FileSystemReport.lines(lvinfo.text()));
        lines.add("");
        lines.addAll(new LemsMonitors(session, env).lines(status));
        return lines;
    }
}

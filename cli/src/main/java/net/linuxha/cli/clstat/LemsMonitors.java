package net.linuxha.cli.clstat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import net.linuxha.cli.cluster.AppStatus;
import net.linuxha.cli.cluster.ClusterSession;
import net.linuxha.cli.cluster.ToolEnvironment;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.LemsCheck;
import net.linuxha.common.config.LemsConfig;
import net.linuxha.common.wire.LemsRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireException;
import net.linuxha.lems.daemon.LemsLocations;

/**
 * Asks the Lems of an application for its monitors ({@code GET_VSTAT}), on the node the cluster daemon says runs
 * the application (as lemsctl does), at the port of this node's copy of lems.local.xml ({@code lems --check}
 * copies it to the other node). Anything that keeps the tables from being shown (no Lems configuration, the
 * application not running, no Lems answering) is one line saying why and what to look at: clstat still shows
 * the rest of the application's state and exits 0.
 */
final class LemsMonitors {

    private final ClusterSession session;
    private final ToolEnvironment env;

    LemsMonitors(ClusterSession session, ToolEnvironment env) {
        this.session = session;
        this.env = env;
    }

    private static String withoutStop(String message) {
        String m = message == null ? "" : message.strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    List<String> lines(AppStatus status) {
        String app = status.name();
        Path file = env.paths().lemsConfig(app);
        if (!Files.exists(file)) {
            return List.of("Process Monitors and General Monitors: none, application " + app + " has no Lems "
                    + "configuration (" + file + "), so it is not monitored.");
        }
        LemsConfig config;
        try {
            config = LemsConfig.load(file).config();
        } catch (ConfigException e) {
            return List.of("Process Monitors and General Monitors: the Lems configuration of " + app
                    + " cannot be read: " + e.getMessage().strip().replace('\n', ' ')
                    + " (lems -A " + app + " --check names each problem).");
        }
        if (!status.isActive() || status.node().isEmpty()) {
            return List.of("Process Monitors and General Monitors: N/A, application " + app + " is not running.");
        }
        if (!status.isStarted()) {
            // clstartapp starts the Lems at the end of a start, clhaltapp stops it first: none to ask in between
            return List.of("Process Monitors and General Monitors: N/A, application " + app + " is "
                    + status.state() + " on " + status.node().get() + ".");
        }
        String node = status.node().get();
        WireClient lems = new WireClient(env.locator().locate(node, config.port(), session.isLocal(node)),
                "Lems daemon for " + app + " on " + node, session.setup().wireContext());
        Reply reply;
        try {
            reply = lems.send(new LemsRequest.GetVstat(Optional.empty()));
        } catch (WireException e) {
            return List.of("Process Monitors and General Monitors: the Lems daemon of " + app + " on " + node
                    + " (port " + config.port() + ") does not answer: " + withoutStop(e.getMessage())
                    + ". The cluster daemon restarts a Lems that died; see "
                    + LemsLocations.logFile(app, config, env.paths()) + " on " + node + ".");
        }
        if (reply.isError() || reply.code().equals("FAIL")) {
            return List.of("Process Monitors and General Monitors: the Lems daemon of " + app + " on " + node
                    + " refused GET_VSTAT: " + reply.text().strip());
        }
        try {
            List<String> programs = config.checks().stream().filter(c -> c.type() == LemsCheck.Type.PROGRAM)
                    .map(LemsCheck::name).toList();
            return MonitorReport.lines(MonitorEntry.parse(reply.text()), programs, env.clock().getZone());
        } catch (IllegalArgumentException unreadable) {
            return List.of("Process Monitors and General Monitors: the Lems daemon of " + app + " on " + node
                    + " answered GET_VSTAT with something clstat cannot read (" + unreadable.getMessage() + "): "
                    + reply.text().lines().findFirst().orElse(""));
        }
    }
}

package net.linuxha.cli.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.wire.ClusterRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireException;

/** The applications a cluster daemon knows (APP_LIST) and their status (APP_STATUS), asked of one node. */
public final class Applications {

    private final ClusterSession session;
    private final String node;

    public Applications(ClusterSession session, String node) {
        this.session = session;
        this.node = node;
    }

    /** The registered applications, in the daemon's order. */
    public List<String> names() throws WireException {
        Reply reply = session.ask(node, new ClusterRequest.AppList());
        if (reply.isError()) {
            throw answerError("APP_LIST", reply);
        }
        String text = reply.text().strip();
        if (reply.isOk()) {
            text = reply.detail().strip();
        }
        List<String> names = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                names.add(item.strip());
            }
        }
        return names;
    }

    /** APP_STATUS with the fail-over field; empty when the daemon no longer knows the application. */
    public Optional<AppStatus> status(String application) throws WireException {
        Reply reply = session.ask(node, new ClusterRequest.AppStatus(application, false, true, false));
        if (reply.code().equals("NOT_REGISTERED") || reply.code().equals("NO_SUCH_APP")) {
            return Optional.empty();
        }
        if (reply.isError() || reply.code().equals("MISSING_ARG")) {
            throw answerError("APP_STATUS app=" + application, reply);
        }
        try {
            return Optional.of(AppStatus.parse(application, reply.text()));
        } catch (IllegalArgumentException e) {
            throw new ToolException(ExitCode.NO_ANSWER, e.getMessage() + "; is the cluster daemon on " + node
                    + " the same version as this tool?");
        }
    }

    /** Every registered application with its status. */
    public List<AppStatus> all() throws WireException {
        List<AppStatus> all = new ArrayList<>();
        for (String name : names()) {
            status(name).ifPresent(all::add);
        }
        return all;
    }

    private ToolException answerError(String request, Reply reply) {
        return new ToolException(ExitCode.NO_ANSWER, "the cluster daemon on " + node + " answered " + request
                + " with \"" + reply.text() + "\"; see its log (cldaemon-" + session.cluster() + ".log)");
    }
}

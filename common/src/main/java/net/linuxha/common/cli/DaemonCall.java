package net.linuxha.common.cli;

import java.io.PrintWriter;

import net.linuxha.common.wire.DaemonUnreachableException;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.Request;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireException;

/**
 * One request from a command line to a daemon and its answer printed: what cldaemonctl, clnetdctl, lemsctl,
 * {@code clnetd --msg}, LockCtl and the lab's Ctl share. A daemon that cannot be reached is exit 4
 * ({@link ExitCode#NOT_RUNNING}); one that took the connection but gave no valid answer is exit 6
 * ({@link ExitCode#NO_ANSWER}).
 */
public final class DaemonCall {

    private DaemonCall() {
    }

    /** Sends {@code request} as typed; the daemon checks it against its vocabulary. */
    public static Reply send(WireClient daemon, String request) {
        try {
            return daemon.send(request);
        } catch (WireException e) {
            throw failure(e);
        }
    }

    public static Reply send(WireClient daemon, Request request) {
        return send(daemon, request.format());
    }

    /** The answer as the daemon gave it, one line per line, flushed (scripts read it at once). */
    public static void print(PrintWriter out, Reply reply) {
        out.println(reply.text().stripTrailing());
        out.flush();
    }

    /** The exit code for a request that got no answer. */
    public static ExitCode exitCode(WireException e) {
        return e instanceof DaemonUnreachableException ? ExitCode.NOT_RUNNING : ExitCode.NO_ANSWER;
    }

    /** The tool's error for a request that got no answer: the Reference's words, then the reason on a line. */
    public static ToolException failure(WireException e) {
        return new ToolException(exitCode(e), e.getMessage() + "\n" + e.detail(), e);
    }

    /** The same on one line, for a tool whose output is one line (cldaemonctl, 17.4). */
    public static String oneLine(WireException e) {
        return e.getMessage() + " (" + e.detail() + ")";
    }
}

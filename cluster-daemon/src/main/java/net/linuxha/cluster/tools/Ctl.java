package net.linuxha.cluster.tools;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.wire.DaemonUnreachableException;
import net.linuxha.common.wire.FrameKind;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireException;
import net.linuxha.common.wire.WireKey;

/**
 * Sends one request to a cluster daemon and prints the answer: the core of what {@code cldaemonctl --msg} does
 * (17), usable before that tool exists, and by the lab tests inside the nodes.
 *
 * <pre>
 * java -cp '/opt/linuxha/lib/*' net.linuxha.cluster.tools.Ctl [--address IP] [--port N] [--key KEY] [--emit]
 *      REQUEST [ARG...]
 * </pre>
 * <ul>
 * <li>Default: the local daemon (loopback, global.port of clconf.xml), key from global.key.</li>
 * <li>{@code --key KEY}: encrypt with another key (to show that a daemon refuses a forged message).</li>
 * <li>{@code --emit}: print the encrypted request line instead of sending it (to show that a replayed line is
 * refused).</li>
 * </ul>
 * Prints the answer on standard output and exits 0 when there is one; "ERROR Unable to contact ..." on standard
 * error and exit 4 when nothing listens, exit 6 when no valid answer came.
 */
public final class Ctl {

    private Ctl() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, ClusterPaths.system()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, ClusterPaths paths) {
        String address = null;
        Integer port = null;
        String key = null;
        boolean emit = false;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--address" -> address = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--key" -> key = args[++i];
                case "--emit" -> emit = true;
                default -> words.add(args[i]);
            }
        }
        if (words.isEmpty()) {
            err.println("ERROR usage: Ctl [--address IP] [--port N] [--key KEY] [--emit] REQUEST [ARG...]");
            return ExitCode.USAGE.code();
        }
        ClusterSetup setup;
        try {
            setup = ClusterSetup.load(paths);
        } catch (ConfigException e) {
            err.println("ERROR " + e.getMessage());
            return ExitCode.CONFIG.code();
        }
        WireContext wire = setup.wireContext();
        if (key != null) {
            wire = new WireContext(WireKey.derive(key), wire.settings(), wire.clock(), wire.random());
        }
        String text = String.join(" ", words);
        if (emit) {
            var codec = wire.newCodec();
            out.println(new String(codec.encode(FrameKind.REQUEST, codec.newNonce(), text),
                    StandardCharsets.US_ASCII).trim());
            return ExitCode.SUCCESS.code();
        }
        int p = port != null ? port : setup.config().port();
        InetSocketAddress to = address == null ? ClusterSetup.localAddress(p) : new InetSocketAddress(address, p);
        try {
            Reply reply = new WireClient(to, address == null ? "local cluster daemon" : "cluster daemon at "
                    + address, wire).send(text);
            out.println(reply.text());
            return ExitCode.SUCCESS.code();
        } catch (DaemonUnreachableException e) {
            err.println("ERROR " + e.getMessage() + " (" + e.detail() + ")");
            return ExitCode.NOT_RUNNING.code();
        } catch (WireException e) {
            err.println("ERROR " + e.getMessage() + " (" + e.detail() + ")");
            return ExitCode.NO_ANSWER.code();
        }
    }
}

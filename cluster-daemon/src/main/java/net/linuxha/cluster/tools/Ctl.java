package net.linuxha.cluster.tools;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.DaemonCall;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.SystemExit;
import net.linuxha.common.cli.ToolRunner;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.wire.FrameCodec;
import net.linuxha.common.wire.FrameKind;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The lab's cldaemonctl: sends one request to a cluster daemon and prints the answer as cldaemonctl does
 * ({@link DaemonCall}), with the options the lab's hostile-traffic test needs and cldaemonctl must not offer.
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
 * Exit 0 with an answer; 4 when nothing listens, 6 when no valid answer came, 3 for a bad clconf.xml.
 */
@Command(name = "Ctl", description = "Send one request to a cluster daemon (lab and tests).")
public final class Ctl implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--address", paramLabel = "IP", description = "The daemon's address (default: this node).")
    private String address;

    @Option(names = "--port", paramLabel = "N", description = "The daemon's port (default: global.port).")
    private Integer port;

    @Option(names = "--key", paramLabel = "KEY", description = "Encrypt with this key instead of global.key.")
    private String key;

    @Option(names = "--emit", description = "Print the encrypted request line instead of sending it.")
    private boolean emit;

    @Parameters(arity = "1..*", paramLabel = "REQUEST", description = "The request and its arguments.")
    private List<String> words;

    private final ClusterPaths paths;

    public Ctl() {
        this(ClusterPaths.system());
    }

    Ctl(ClusterPaths paths) {
        this.paths = paths;
    }

    public static void main(String[] args) {
        ToolRunner.run(new Ctl(), args, SystemExit.jvm());
    }

    @Override
    public Integer call() throws ConfigException {
        ClusterSetup setup = ClusterSetup.load(paths);
        WireContext wire = setup.wireContext();
        if (key != null) {
            wire = new WireContext(WireKey.derive(key), wire.settings(), wire.clock(), wire.random());
        }
        String text = String.join(" ", words);
        if (emit) {
            FrameCodec codec = wire.newCodec();
            spec.commandLine().getOut().println(new String(codec.encode(FrameKind.REQUEST, codec.newNonce(), text),
                    StandardCharsets.US_ASCII).trim());
            return ExitCode.SUCCESS.code();
        }
        int p = port != null ? port : setup.config().port();
        InetSocketAddress to = address == null ? ClusterSetup.localAddress(p) : new InetSocketAddress(address, p);
        WireClient daemon = new WireClient(to, address == null ? "local cluster daemon" : "cluster daemon at "
                + address, wire);
        DaemonCall.print(spec.commandLine().getOut(), DaemonCall.send(daemon, text));
        return ExitCode.SUCCESS.code();
    }
}

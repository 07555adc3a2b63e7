package net.linuxha.common.lock;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.cli.DaemonCall;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.LogOptions;
import net.linuxha.common.cli.SystemExit;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.cli.ToolRunner;
import net.linuxha.common.cluster.ClusterSetup;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.wire.LockRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.common.wire.WireClient;

/**
 * A small lock client for administrators and the lab: {@code hold} takes a lock through {@link ClusterLocks} as a
 * tool would and keeps it for a while; {@code status} prints the lock daemon's LOCK_STATUS answer. Run with
 * {@code java -cp '/opt/linuxha/lib/*' net.linuxha.common.lock.LockCtl hold NET --for 30}.
 */
@Command(name = "lockctl", mixinStandardHelpOptions = true,
        description = "Take, hold and inspect the lock daemon's locks.",
        subcommands = {LockCtl.Hold.class, LockCtl.Status.class})
public final class LockCtl implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        ToolRunner.run(new LockCtl(), args, SystemExit.jvm());
    }

    @Override
    public Integer call() {
        throw new ToolException(ExitCode.USAGE, "say what to do: lockctl hold NAME or lockctl status");
    }

    /** {@code hold NAME}: take the lock, print HELD (or NOT_HELD when locking is unavailable), keep it, release. */
    @Command(name = "hold", description = "Take a lock, keep it for --for seconds, then release it.")
    static final class Hold implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private LogOptions logging;

        @Parameters(paramLabel = "NAME", description = "The lock, e.g. NET")
        private String lock;

        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
                description = "How long to wait while someone else holds it (default ${DEFAULT-VALUE}).")
        private int waitSeconds;

        @Option(names = "--for", paramLabel = "SECONDS", defaultValue = "30",
                description = "How long to hold it (default ${DEFAULT-VALUE}).")
        private int holdSeconds;

        @Option(names = "--nolocking", description = "Do not contact the lock daemon (as the tools' --nolocking).")
        private boolean noLocking;

        @Override
        public Integer call() throws ConfigException, InterruptedException {
            if (waitSeconds < 0 || holdSeconds < 0 || holdSeconds > LockRequest.MAX_WAIT_SECONDS) {
                throw new ToolException(ExitCode.USAGE, "--wait must be 0 or more and --for from 0 to "
                        + LockRequest.MAX_WAIT_SECONDS + " seconds");
            }
            logging.startLogging(logging.terminal());
            PrintWriter out = spec.commandLine().getOut();
            ClusterLocks locks = ClusterLocks.forTool(ClusterSetup.load(ClusterPaths.system()), "lockctl",
                    noLocking);
            try (LockHandle handle = locks.acquire(lock, Duration.ofSeconds(waitSeconds))) {
                out.println(handle.isHeld() ? "HELD " + lock + " " + handle.client().orElseThrow()
                        : "NOT_HELD " + lock);
                out.flush();
                Thread.sleep(Duration.ofSeconds(holdSeconds).toMillis());
            } catch (LockBusyException e) {
                throw new ToolException(ExitCode.FAILURE, e.getMessage(), e);
            }
            out.println("RELEASED " + lock);
            return ExitCode.SUCCESS.code();
        }
    }

    /** {@code status [NAME]}: the LOCK_STATUS lines, {@code name,holder or -,since,maxt,waiters}. */
    @Command(name = "status", description = "Print each lock: name,holder or -,held since (UNIX time),maxt,waiters.")
    static final class Status implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "0..1", description = "One lock; all when left out.")
        private String lock;

        @Override
        public Integer call() throws ConfigException {
            ClusterSetup setup = ClusterSetup.load(ClusterPaths.system());
            int port = setup.config().clPort().orElseThrow(() -> ToolException.config(
                    "clconf.xml has no <global><clport>: there is no lock daemon to ask"));
            Reply reply = DaemonCall.send(new WireClient(ClusterSetup.localAddress(port), ClusterLocks.DAEMON,
                    setup.wireContext()), new LockRequest.LockStatus(Optional.ofNullable(lock)));
            DaemonCall.print(spec.commandLine().getOut(), reply);
            return reply.code().equals("UNKNOWN_LOCK") || reply.isError() ? ExitCode.FAILURE.code()
                    : ExitCode.SUCCESS.code();
        }
    }
}

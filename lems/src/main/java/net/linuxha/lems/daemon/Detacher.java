package net.linuxha.lems.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import net.linuxha.common.shell.BackgroundCommand;
import net.linuxha.common.shell.BackgroundProcess;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.wire.LemsRequest;
import net.linuxha.common.wire.WireClient;
import net.linuxha.common.wire.WireContext;
import net.linuxha.common.wire.WireException;

/**
 * {@code lems --detach} (Reference 16.9): starts the same command without {@code --detach} in a session of its own
 * ({@code setsid}), so it outlives the terminal and the caller, and returns once that Lems answers on its port.
 * If it dies first, the reason it wrote is the error.
 */
public final class Detacher {

    /** Lems validates its monitors before it listens; a slow node gets this long. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int MAX_OUTPUT_SHOWN = 4000;

    private final CommandRunner runner;

    public Detacher(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** A detached Lems that answers. */
    public record Started(long pid, int port) {
    }

    /**
     * @param launcher  {@code $linuxha.home/bin/lems}
     * @param arguments the command line without {@code --detach}
     * @param output    where the child's standard output and error go (its start-up failures)
     * @throws IOException with the child's own words when it exits or does not answer in time
     */
    public Started launch(Path launcher, List<String> arguments, Path output, int port, WireContext wire,
                          Duration readyTimeout) throws IOException, InterruptedException {
        if (!Files.isExecutable(launcher)) {
            throw new IOException("cannot detach: " + launcher + " is not an executable launcher; set "
                    + "-Dlinuxha.home to the linuxha installation (the launcher in bin/ does this)");
        }
        Files.createDirectories(output.getParent());
        long before = Files.exists(output) ? Files.size(output) : 0;
        List<String> argv = new ArrayList<>(List.of("setsid", launcher.toString()));
        argv.addAll(arguments);
        BackgroundProcess child = runner.start(BackgroundCommand.of(argv, output, output));
        WireClient client = new WireClient(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                "Lems daemon on port " + port, wire);
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalInt exit = child.waitFor(POLL);
            if (exit.isPresent()) {
                throw new IOException("the detached Lems exited with status " + exit.getAsInt() + " before it "
                        + "listened on port " + port + ":\n" + newOutput(output, before));
            }
            try {
                client.send(new LemsRequest.GetStat(Optional.empty()));
                return new Started(child.pid(), port);
            } catch (WireException notYet) {
                // not listening yet
            }
        }
        child.killTree(Duration.ofSeconds(2));
        throw new IOException("the detached Lems did not answer on port " + port + " within "
                + readyTimeout.toSeconds() + " seconds and was stopped; its output:\n" + newOutput(output, before));
    }

    private static String newOutput(Path output, long from) {
        try (InputStream in = Files.newInputStream(output)) {
            in.skipNBytes(Math.min(from, Files.size(output)));
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.length() > MAX_OUTPUT_SHOWN) {
                text = "..." + text.substring(text.length() - MAX_OUTPUT_SHOWN);
            }
            return text.isEmpty() ? "(it wrote nothing; see " + output + " and the Lems log)" : text;
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e.getMessage() + ")";
        }
    }
}

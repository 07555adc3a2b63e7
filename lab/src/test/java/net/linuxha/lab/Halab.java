package net.linuxha.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import net.linuxha.common.testing.Wait;

/**
 * Drives {@code lab/halab} from a test: bring the lab up, run commands in a node or the client, inject faults, and
 * always take it down again. Like Ratis' {@code MiniRaftCluster.runWithNewCluster}, {@link #runWithNewLab} owns the
 * lab's whole life around one test body and dumps {@code halab status} when the body fails.
 */
public final class Halab {

    /** The lab instance this run uses: {@code halab}, or {@code halabX} with HALAB_ID=X (see lab/halab). */
    public static final String NAME = "halab" + System.getenv().getOrDefault("HALAB_ID", "");

    /** The lab\'s state directory on the host. */
    public static final String STATE = "/var/lib/" + NAME;

    /** What one command did. */
    public record Result(int exitCode, String out, String err) {
        public boolean ok() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A test body that may throw. */
    @FunctionalInterface
    public interface Body {
        void run(Halab lab) throws Exception;
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Path script;

    public Halab(Path script) {
        this.script = script;
    }

    /** The checkout's {@code lab/halab}, found from Maven's basedir (the {@code lab} module) or the working dir. */
    public static Halab fromCheckout() {
        Path base = Path.of(System.getProperty("basedir", "."));
        Path script = base.resolve("halab");
        if (!Files.isExecutable(script)) {
            script = base.resolve("lab/halab");
        }
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("cannot find lab/halab below " + base.toAbsolutePath()
                    + "; run the tests from the checkout (mvn -pl lab test) or set -Dbasedir=<checkout>/lab");
        }
        return new Halab(script.toAbsolutePath());
    }

    /** Lab tests need root: they create namespaces, mounts and loop devices. */
    public static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Brings a new lab up, runs the body and always takes the lab down; prints the lab's status on failure. */
    public static void runWithNewLab(Body body) throws Exception {
        Halab lab = fromCheckout();
        lab.up();
        boolean passed = false;
        try {
            body.run(lab);
            passed = true;
        } finally {
            if (!passed) {
                lab.dumpStatus();
            }
            lab.down();
        }
    }

    /** {@code halab up}; fails with the script's output if it does not succeed. */
    public void up() {
        Result status = halab("status");
        if (!status.out().startsWith("lab: down")) {
            throw new IllegalStateException("a lab exists already (" + status.out().lines().findFirst().orElse("")
                    + "); a test does not take down a lab it did not make: run 'lab/halab down' first");
        }
        require(halab(Duration.ofSeconds(120), Map.of(), "up"), "halab up");
    }

    /** {@code halab down}; fails with the script's output if it does not succeed. */
    public void down() {
        require(halab(Duration.ofSeconds(120), Map.of(), "down"), "halab down");
    }

    public void dumpStatus() {
        System.err.println("=== halab status\n" + halab("status"));
    }

    public Result halab(String... args) {
        return halab(DEFAULT_TIMEOUT, Map.of(), args);
    }

    /** Runs {@code halab ARGS} with extra environment variables, bounded by the timeout. */
    public Result halab(Duration timeout, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        return run(command, env, timeout);
    }

    /** Runs a command inside a node ({@code halab exec NODE ...}). */
    public Result exec(String node, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", node));
        args.addAll(List.of(command));
        return halab(args.toArray(String[]::new));
    }

    /** Runs a shell command line inside a node. */
    public Result sh(String node, String commandLine) {
        return exec(node, "sh", "-c", commandLine);
    }

    /** Runs a command in the client namespace ({@code halab client ...}). */
    public Result client(String... command) {
        List<String> args = new ArrayList<>(List.of("client"));
        args.addAll(List.of(command));
        return halab(args.toArray(String[]::new));
    }

    /** One ICMP echo with a one-second deadline from a node (optionally out of one card) to an address. */
    public boolean ping(String node, String card, String address) {
        List<String> args = new ArrayList<>(List.of("ping", "-n", "-q", "-c", "1", "-W", "1"));
        if (card != null) {
            args.add("-I");
            args.add(card);
        }
        args.add(address);
        return exec(node, args.toArray(String[]::new)).ok();
    }

    public boolean clientPing(String address) {
        return client("ping", "-n", "-q", "-c", "1", "-W", "1", address).ok();
    }

    /** Runs a shell command line inside a node and fails with its output unless it succeeded. */
    public Result must(String node, String commandLine) {
        return require(sh(node, commandLine), node + ": " + commandLine);
    }

    /** Writes {@code text} to {@code path} inside the node with {@code mode} (commands get no standard input). */
    public void put(String node, String path, String text, String mode) {
        String b64 = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        must(node, "mkdir -p $(dirname " + path + ") && echo " + b64 + " | base64 -d > " + path + " && chmod " + mode
                + " " + path);
    }

    /** A file of the checkout by its path there ({@code etc-samples/clconf.xml}, {@code lab/demo/...}). */
    public static String checkoutFile(String relative) {
        try {
            return Files.readString(Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent()
                    .resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** etc-samples/clconf.xml with the lab tests' short timings: keepalive 0.5, warn 1, dead 3, clusterform 20. */
    public static String shortTimingsClconf() {
        return checkoutFile("etc-samples/clconf.xml").replace("<keepalive>3<", "<keepalive>0.5<")
                .replace("<warn>7<", "<warn>1<").replace("<dead>12<", "<dead>3<")
                .replace("<clusterform>300<", "<clusterform>20<");
    }

    /** True as soon as {@code condition} (a command run in a node, say) holds; false when not within the limit. */
    public static boolean until(Duration limit, BooleanSupplier condition) {
        return Wait.until(limit, Wait.SLOWLY, condition);
    }

    /** Fails with {@code message} (computed then) unless {@code condition} holds within {@code limit}. */
    public static void await(Duration limit, BooleanSupplier condition, Supplier<String> message) {
        if (!until(limit, condition)) {
            throw new AssertionError(message.get());
        }
    }

    /** Fails with the command's output unless it succeeded. */
    public static Result require(Result result, String what) {
        if (!result.ok()) {
            throw new AssertionError(what + " failed: " + result);
        }
        return result;
    }

    /** Host PID of a node's init as {@code halab} recorded it, or -1 when the node is down. */
    public static long initPid(String node) {
        Path pidFile = Path.of("/run/" + NAME, node + ".pid");
        try {
            return Files.exists(pidFile) ? Long.parseLong(Files.readString(pidFile).trim()) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a host command with no standard input, bounded by {@code timeout}: at the limit it and its descendants
     * are killed and the test fails with what it printed.
     */
    public static Result run(List<String> command, Map<String, String> env, Duration timeout) {
        try {
            Path out = Files.createTempFile("halab-out", ".txt");
            Path err = Files.createTempFile("halab-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                pb.environment().putAll(env);
                Process process = pb.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                            + "\n--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}

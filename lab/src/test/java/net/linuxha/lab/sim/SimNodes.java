package net.linuxha.lab.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.linuxha.common.testing.Wait;
import net.linuxha.lab.Halab;

/**
 * A minimal two-node harness for the storage simulator, standing in until lab/halab exists: network namespaces
 * {@code simt-a}/{@code simt-b} joined by a veth pair ({@code eth2}, 172.16.178.1/2), and per node a process
 * with its own mount, UTS (hostname servera/serverb) and PID namespace, a private tmpfs /dev and its own
 * HALAB_DISK directory. {@link #close()} removes all of it, also after a failed test.
 */
final class SimNodes implements AutoCloseable {
    static final Path SIM = Path.of("sim").toAbsolutePath();
    static final String[] NODES = {"a", "b"};

    private final Path dir;
    private final Map<String, Long> initPids = new java.util.HashMap<>();
    private final List<Process> unshares = new ArrayList<>();

    SimNodes() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("simt-");
        try {
            start();
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void start() throws IOException, InterruptedException {
        host("ip", "netns", "add", "simt-a");
        host("ip", "netns", "add", "simt-b");
        host("ip", "link", "add", "simt-va", "type", "veth", "peer", "name", "simt-vb");
        for (String n : NODES) {
            host("ip", "link", "set", "simt-v" + n, "netns", "simt-" + n);
            host("ip", "-n", "simt-" + n, "link", "set", "simt-v" + n, "name", "eth2");
            host("ip", "-n", "simt-" + n, "addr", "add", "172.16.178." + (n.equals("a") ? 1 : 2) + "/24", "dev", "eth2");
            host("ip", "-n", "simt-" + n, "link", "set", "lo", "up");
            host("ip", "-n", "simt-" + n, "link", "set", "eth2", "up");
            Files.createDirectories(disk(n));
            String init = "mount --make-rprivate / && hostname server" + n + " && mount -t tmpfs tmpfs /dev"
                    + " && mknod /dev/null c 1 3 && mknod /dev/zero c 1 5 && mknod /dev/urandom c 1 9"
                    + " && mknod /dev/random c 1 8 && chmod 666 /dev/null /dev/zero /dev/urandom"
                    + " && mkdir /dev/.ready && exec sleep infinity";
            Process p = new ProcessBuilder("nsenter", "--net=/run/netns/simt-" + n, "unshare", "-m", "-u", "-p", "-f",
                    "--mount-proc", "sh", "-c", init).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(n + ".init.log").toFile()).start();
            unshares.add(p);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (initPids.get(n) == null && System.nanoTime() < deadline) {
                p.children().findFirst().ifPresent(c -> initPids.put(n, c.pid()));
                Thread.sleep(20);
            }
            if (initPids.get(n) == null) {
                throw new IOException("node " + n + " did not start; see " + dir.resolve(n + ".init.log"));
            }
            Wait.assertWithin(Duration.ofSeconds(10), Wait.SLOWLY, () -> run(n, "test -d /dev/.ready").rc() == 0);
            check(run(n, SIM.resolve("setup-node") + ""));
        }
    }

    Path disk(String node) {
        return dir.resolve(node).resolve("disk");
    }

    Path dir() {
        return dir;
    }

    record Result(int rc, String out, String err) {
        @Override
        public String toString() {
            return "rc=" + rc + "\nstdout:\n" + out + "stderr:\n" + err;
        }
    }

    /** Runs a shell script inside the node, with the sim first on PATH, as the lab will. */
    Result run(String node, String script) {
        List<String> cmd = List.of("nsenter", "-t", Long.toString(initPids.get(node)), "-m", "-u", "-n", "-p", "env",
                "PATH=" + SIM.resolve("bin") + ":/usr/sbin:/usr/bin:/sbin:/bin", "HALAB_DISK=" + disk(node), "sh", "-c",
                script);
        return exec(cmd, Duration.ofSeconds(60));
    }

    static Result check(Result r) {
        if (r.rc() != 0) {
            throw new AssertionError("command failed: " + r);
        }
        return r;
    }

    void link(String node, boolean up) {
        check(exec(List.of("ip", "-n", "simt-" + node, "link", "set", "eth2", up ? "up" : "down"),
                Duration.ofSeconds(10)));
    }

    private static void host(String... cmd) {
        check(exec(List.of(cmd), Duration.ofSeconds(20)));
    }

    static Result exec(List<String> cmd, Duration timeout) {
        Halab.Result r = Halab.run(cmd, Map.of(), timeout);
        return new Result(r.exitCode(), r.out(), r.err());
    }

    @Override
    public void close() {
        // killing a PID namespace's init kills every process of the node, the DRBD agent included
        for (Long pid : initPids.values()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (Process p : unshares) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Long pid : initPids.values()) {
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> h).join());
        }
        for (String n : NODES) {
            exec(List.of("ip", "netns", "del", "simt-" + n), Duration.ofSeconds(10));
        }
        exec(List.of("ip", "link", "del", "simt-va"), Duration.ofSeconds(10));
        exec(List.of(SIM.resolve("cleanup-host").toString(), dir.toString()), Duration.ofSeconds(30));
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

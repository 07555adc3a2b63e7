package net.linuxha.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Everything a lab can leave on the host, listed so that a test can prove {@code halab down} removed it all. */
final class LabTraces {

    private LabTraces() {
    }

    /** Descriptions of lab traces still on the host; empty when the host is clean. */
    static List<String> find(Set<String> labNamespaces) {
        List<String> traces = new ArrayList<>();
        for (String ns : lines(List.of("ip", "netns", "list"))) {
            if (ns.startsWith(Halab.NAME + "-")) {
                traces.add("network namespace " + ns);
            }
        }
        for (String link : lines(List.of("ip", "-o", "link", "show"))) {
            String[] parts = link.split(": ", 3);
            if (parts.length > 1 && parts[1].startsWith(Halab.NAME + "-")) {
                traces.add("host link " + parts[1]);
            }
        }
        for (String mount : lines(List.of("findmnt", "-rn", "-o", "TARGET"))) {
            if ((mount.equals(Halab.STATE) || mount.startsWith(Halab.STATE + "/"))) {
                traces.add("mount " + mount);
            }
        }
        for (String loop : lines(List.of("losetup", "-l", "-n", "-O", "NAME,BACK-FILE"))) {
            if (loop.contains(Halab.STATE + "/")) {
                traces.add("loop device " + loop.trim());
            }
        }
        for (String path : List.of(Halab.STATE, "/run/" + Halab.NAME)) {
            if (Files.exists(Path.of(path))) {
                traces.add("directory " + path);
            }
        }
        traces.addAll(processes(labNamespaces, true));
        return traces;
    }

    /** Processes that sit in one of the given namespaces ("pid:[...]" or "net:[...]"). */
    static List<String> labProcesses(Set<String> labNamespaces) {
        return processes(labNamespaces, false);
    }

    /** Processes in one of the namespaces, or (anyInit) running any node's node-init. */
    /** True when the process was started by this lab instance's halab (its HALAB_ID is ours; other labs differ). */
    static boolean ofThisLab(Path process) {
        String id = System.getenv().getOrDefault("HALAB_ID", "");
        String environ = read(process.resolve("environ"));
        String theirs = "";
        for (String entry : environ.split("\0")) {
            if (entry.startsWith("HALAB_ID=")) {
                theirs = entry.substring("HALAB_ID=".length());
            }
        }
        return theirs.equals(id);
    }

    private static List<String> processes(Set<String> labNamespaces, boolean anyInit) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String cmdline = read(p.resolve("cmdline")).replace('\0', ' ').trim();
                boolean ours = anyInit && cmdline.contains("lab/node-init") && ofThisLab(p);
                for (String kind : List.of("pid", "net")) {
                    ours |= labNamespaces.contains(link(p.resolve("ns").resolve(kind)));
                }
                if (ours) {
                    found.add("process " + p.getFileName() + " " + cmdline);
                }
            });
        } catch (IOException e) {
            found.add("cannot list /proc: " + e);
        }
        return found;
    }

    /** The "pid:[...]" and "net:[...]" namespaces of a running node, to look for its processes after it is gone. */
    static Set<String> namespacesOf(long hostPid) {
        Path ns = Path.of("/proc", Long.toString(hostPid), "ns");
        return Set.of(link(ns.resolve("pid")), link(ns.resolve("net")));
    }

    static String link(Path path) {
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static String read(Path path) {
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> lines(List<String> command) {
        Halab.Result result = Halab.run(command, Map.of(), Duration.ofSeconds(20));
        return result.out().lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}

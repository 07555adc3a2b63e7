package net.linuxha.lems.monitors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The processes of a {@code /proc} tree (or a copy of its shape under a test directory): pid, effective user and
 * command line, as {@code ps -ef} shows them. Processes that exit during the scan are skipped.
 */
public final class ProcessTable {

    /** One process; {@code commandLine} is {@code [name]} for kernel threads, as ps shows them. */
    public record ProcessInfo(long pid, String user, String commandLine) {
    }

    private final Path procRoot;
    private final Path passwd;

    public ProcessTable(Path procRoot, Path passwd) {
        this.procRoot = procRoot;
        this.passwd = passwd;
    }

    /**
     * Every process now.
     *
     * @throws IOException naming the directory when the process directory cannot be listed
     */
    public List<ProcessInfo> scan() throws IOException {
        Map<String, String> users = users();
        long self = ProcessHandle.current().pid();
        List<ProcessInfo> processes = new ArrayList<>();
        List<Path> dirs;
        try (Stream<Path> entries = Files.list(procRoot)) {
            dirs = entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList();
        } catch (IOException e) {
            throw new IOException("cannot list the process directory " + procRoot + ": " + e.getMessage(), e);
        }
        for (Path dir : dirs) {
            long pid = Long.parseLong(dir.getFileName().toString());
            if (pid == self && procRoot.equals(Path.of("/proc"))) {
                // Lems' own command line names the application and could match a pattern meant for it.
                continue;
            }
            try {
                processes.add(read(pid, dir, users));
            } catch (NoSuchFileException e) {
                // The process ended while we looked.
            }
        }
        return processes;
    }

    private static ProcessInfo read(long pid, Path dir, Map<String, String> users) throws IOException {
        String uid = "?";
        String name = "";
        for (String line : Files.readAllLines(dir.resolve("status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("Uid:")) {
                String[] ids = line.substring(4).trim().split("\\s+");
                // The effective user, the one ps -ef shows.
                uid = ids.length > 1 ? ids[1] : ids[0];
            } else if (line.startsWith("Name:")) {
                name = line.substring(5).trim();
            }
        }
        byte[] raw = Files.readAllBytes(dir.resolve("cmdline"));
        String commandLine = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        if (commandLine.isEmpty()) {
            commandLine = "[" + name + "]";
        }
        return new ProcessInfo(pid, users.getOrDefault(uid, uid), commandLine);
    }

    private Map<String, String> users() {
        Map<String, String> byUid = new HashMap<>();
        try {
            for (String line : Files.readAllLines(passwd, StandardCharsets.UTF_8)) {
                String[] fields = line.split(":", -1);
                if (fields.length > 2 && !fields[0].isEmpty()) {
                    byUid.putIfAbsent(fields[2], fields[0]);
                }
            }
        } catch (IOException e) {
            // Without the user list, users are known by number only; rules may name them by number.
        }
        return byUid;
    }
}

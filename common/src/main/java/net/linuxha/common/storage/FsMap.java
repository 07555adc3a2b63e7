package net.linuxha.common.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.config.AtomicFiles;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.ConfigProblem;

/**
 * An application's fsmap, {@code /etc/cluster/.resources/fsmap/<application>} (Reference 8.7): one line per
 * replicated file system, {@code <vg>:<lv>:<mount point>:<fs type>:<mount options>:<size in KiB>}, e.g.
 * {@code app01vg:data:/myapp/data:reiserfs:rw,notail:102400}. Written by clbuildapp --build on both nodes; without
 * it the application cannot start. Blank lines and lines starting with {@code #} are ignored.
 */
public record FsMap(String application, List<FsMapEntry> entries) {

    public FsMap {
        Objects.requireNonNull(application, "application");
        entries = List.copyOf(entries);
    }

    /** Reads the application's fsmap; a missing file is the Reference's "failed to build successfully". */
    public static FsMap load(ClusterPaths paths, String application) throws ConfigException {
        Path file = paths.fsmap(application);
        try {
            return parse(application, file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ConfigException(new ConfigProblem(file, "", "the fsmap of application " + application
                    + " does not exist, so the application has not been built successfully; run clbuildapp "
                    + "--application " + application + " --build"));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(file, "", "cannot read the fsmap: " + e.getMessage()));
        }
    }

    /** Parses fsmap text, naming the file and the line of every problem. */
    public static FsMap parse(String application, Path file, String text) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        List<FsMapEntry> entries = new ArrayList<>();
        Set<FileSystemId> volumes = new HashSet<>();
        Set<Path> mountPoints = new HashSet<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "line " + (i + 1);
            Optional<FsMapEntry> entry = parseLine(file, where, line, problems);
            if (entry.isEmpty()) {
                continue;
            }
            if (!volumes.add(entry.get().id())) {
                problems.add(new ConfigProblem(file, where, "logical volume " + entry.get().id()
                        + " is listed twice; keep one line per logical volume"));
            }
            if (!mountPoints.add(entry.get().mountPoint())) {
                problems.add(new ConfigProblem(file, where, "mount point " + entry.get().mountPoint()
                        + " is used twice; each file system needs its own mount point"));
            }
            entries.add(entry.get());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new FsMap(application, entries);
    }

    private static Optional<FsMapEntry> parseLine(Path file, String where, String line, List<ConfigProblem> problems) {
        String[] f = line.split(":", -1);
        if (f.length != 6) {
            problems.add(new ConfigProblem(file, where, "\"" + line + "\" has " + f.length + " fields; expected 6, "
                    + "vg:lv:mountpoint:fstype:options:size (mount options may not contain ':')"));
            return Optional.empty();
        }
        int before = problems.size();
        String[] names = {"volume group", "logical volume", "mount point", "file system type", "mount options",
            "size"};
        for (int i = 0; i < f.length; i++) {
            if (f[i].isBlank()) {
                problems.add(new ConfigProblem(file, where, "the " + names[i] + " field of \"" + line
                        + "\" is empty"));
            }
        }
        Path mountPoint = Path.of(f[2]);
        if (!f[2].isBlank() && !mountPoint.isAbsolute()) {
            problems.add(new ConfigProblem(file, where, "mount point \"" + f[2] + "\" must be an absolute path"));
        }
        long size = -1;
        try {
            size = Long.parseLong(f[5]);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (!f[5].isBlank() && size <= 0) {
            problems.add(new ConfigProblem(file, where, "size \"" + f[5] + "\" must be a positive whole number "
                    + "of KiB"));
        }
        try {
            if (!f[0].isBlank() && !f[1].isBlank()) {
                new FileSystemId(f[0], f[1]);
            }
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(file, where, e.getMessage()));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new FsMapEntry(f[0], f[1], mountPoint.normalize(), f[3], f[4], size));
    }

    /** The file's text: one line per entry, in mount order. */
    public String format() {
        StringBuilder text = new StringBuilder();
        for (FsMapEntry entry : entries) {
            text.append(entry.line()).append('\n');
        }
        return text.toString();
    }

    /** Writes the fsmap atomically (mode 0644: it holds no secret, and clstat reads it). */
    public void write(ClusterPaths paths) throws IOException {
        Path file = paths.fsmap(application);
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, format().getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** Parents before children (mount order); {@link #unmountOrder()} is its reverse. */
    public List<FsMapEntry> mountOrder() {
        return entries.stream().sorted(Comparator.comparingInt((FsMapEntry e) -> e.mountPoint().getNameCount())
                .thenComparing(e -> e.mountPoint().toString())).toList();
    }

    public List<FsMapEntry> unmountOrder() {
        List<FsMapEntry> order = new ArrayList<>(mountOrder());
        Collections.reverse(order);
        return order;
    }

    public Optional<FsMapEntry> entry(FileSystemId id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The same map with one entry replaced (same volume), e.g. a new size after growth. */
    public FsMap with(FsMapEntry replacement) {
        List<FsMapEntry> updated = new ArrayList<>();
        for (FsMapEntry e : entries) {
            updated.add(e.id().equals(replacement.id()) ? replacement : e);
        }
        return new FsMap(application, updated);
    }
}

package net.linuxha.cli.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import net.linuxha.common.app.FlagUpdate;
import net.linuxha.common.app.StaleFlag;
import net.linuxha.common.app.StatusDirectoryReader;
import net.linuxha.common.app.StatusSnapshot;
import net.linuxha.common.app.TimeFile;
import net.linuxha.common.config.AtomicFiles;

/** This node's status directory of an application ({@code ClusterPaths.statusDir}), read and written directly. */
public final class LocalStatusDirectory implements NodeStatus.Directory {

    private final String node;
    private final Path dir;

    public LocalStatusDirectory(String node, Path dir) {
        this.node = Objects.requireNonNull(node, "node");
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    @Override
    public String node() {
        return node;
    }

    public Path path() {
        return dir;
    }

    @Override
    public NodeStatus read() throws IOException {
        if (!Files.isDirectory(dir)) {
            return new NodeStatus(StatusSnapshot.empty(), Optional.empty());
        }
        StatusSnapshot snapshot = StatusDirectoryReader.read(dir);
        Optional<String> live;
        try {
            String text = Files.readString(dir.resolve(NodeStatus.LIVENODE), StandardCharsets.US_ASCII).strip();
            live = text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (NoSuchFileException e) {
            live = Optional.empty();
        }
        return new NodeStatus(snapshot, live);
    }

    @Override
    public void apply(FlagUpdate update) throws IOException {
        if (update.isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        for (StaleFlag flag : update.write().flags()) {
            Path file = dir.resolve(flag.fileName());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        }
        for (StaleFlag flag : update.delete().flags()) {
            Files.deleteIfExists(dir.resolve(flag.fileName()));
        }
    }

    @Override
    public void recordStart(TimeFile time, String liveNode) throws IOException {
        write(TimeFile.FILE_NAME, time.format());
        recordLiveNode(liveNode);
    }

    @Override
    public void recordLiveNode(String liveNode) throws IOException {
        write(NodeStatus.LIVENODE, liveNode + "\n");
    }

    @Override
    public void clearLiveNode() throws IOException {
        Files.deleteIfExists(dir.resolve(NodeStatus.LIVENODE));
    }

    private void write(String name, String content) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(name), content.getBytes(StandardCharsets.US_ASCII),
                PosixFilePermissions.fromString("rw-r--r--"));
    }
}

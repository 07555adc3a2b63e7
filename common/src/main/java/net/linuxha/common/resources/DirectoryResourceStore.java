package net.linuxha.common.resources;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The resource flag files of this node, under {@code /etc/cluster/.resources} ({@code ClusterPaths.resourcesDir()}).
 *
 * <p>Changes are serialised between processes by an exclusive lock on {@code .resources/.lock} (clbuild and
 * clbuildapp may run at the same time), and within this JVM by a lock of its own, because a JVM may hold a file lock
 * only once.
 */
public final class DirectoryResourceStore implements ResourceStore {

    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final Path resourcesDir;

    public DirectoryResourceStore(Path resourcesDir) {
        this.resourcesDir = Objects.requireNonNull(resourcesDir, "resourcesDir");
    }

    public Path directory(ResourceKind kind) {
        return resourcesDir.resolve(kind.directory());
    }

    @Override
    public String describe() {
        return resourcesDir.toString();
    }

    @Override
    public List<String> list(ResourceKind kind) throws IOException {
        Path dir = directory(kind);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public boolean ensureDirectory(ResourceKind kind) throws IOException {
        Path dir = directory(kind);
        if (Files.isDirectory(dir)) {
            return false;
        }
        Files.createDirectories(dir);
        return true;
    }

    @Override
    public void create(ResourceKind kind, List<String> names) throws IOException {
        Path dir = directory(kind);
        for (String name : names) {
            try {
                Files.createFile(dir.resolve(checked(name)));
            } catch (FileAlreadyExistsException e) {
                // Idempotent: a flag that exists already is what we wanted.
            }
        }
    }

    @Override
    public void delete(ResourceKind kind, List<String> names) throws IOException {
        Path dir = directory(kind);
        for (String name : names) {
            Files.deleteIfExists(dir.resolve(checked(name)));
        }
    }

    @Override
    public void rename(ResourceKind kind, String from, String to) throws IOException {
        Path dir = directory(kind);
        Path target = dir.resolve(checked(to));
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "resource flag exists already");
        }
        Files.move(dir.resolve(checked(from)), target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public <T> T locked(LockedWork<T> work) throws IOException, ResourceException {
        IN_PROCESS.lock();
        try {
            Files.createDirectories(resourcesDir);
            try (FileChannel channel = FileChannel.open(resourcesDir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return work.run();
            }
        } finally {
            IN_PROCESS.unlock();
        }
    }

    static String checked(String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a resource file name: \"" + name + "\"");
        }
        return name;
    }
}

package net.linuxha.common.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A detached daemon's start-up outcome, told to the parent that waits for it ({@link DaemonDetach}) through a file
 * the parent names in an environment variable. One line: {@code LISTENING <pid>} once the daemon listens,
 * {@code FAILED <reason>} when it cannot. Used where the reason is worth more than the daemon's output (cldaemon:
 * the bind error of its port); the other daemons are ready when they answer ECHO.
 */
public final class OutcomeFile implements DaemonDetach.Readiness, AutoCloseable {

    private static final String LISTENING = "LISTENING";
    private static final String FAILED = "FAILED";

    private final Path file;

    private OutcomeFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The parent's side: a fresh empty file in {@code dir}, removed on {@link #close()}. */
    public static OutcomeFile create(Path dir, String prefix) throws IOException {
        Files.createDirectories(dir);
        return new OutcomeFile(Files.createTempFile(dir, prefix, ".outcome"));
    }

    public Path path() {
        return file;
    }

    @Override
    public DaemonDetach.Status check() {
        String line;
        try {
            line = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return new DaemonDetach.Status.Failed("its outcome file " + file + " was removed");
        } catch (IOException e) {
            return DaemonDetach.Status.NOT_YET;
        }
        if (line.startsWith(LISTENING)) {
            return DaemonDetach.Status.READY;
        }
        if (line.startsWith(FAILED)) {
            return new DaemonDetach.Status.Failed(line.substring(FAILED.length()).strip());
        }
        return DaemonDetach.Status.NOT_YET;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    /** The daemon's side: the file named by {@code variable}, when its parent set one. */
    public static Optional<Path> fromEnvironment(String variable) {
        return Optional.ofNullable(System.getenv(variable)).filter(s -> !s.isBlank()).map(Path::of);
    }

    /** The daemon's side: it listens. */
    public static void writeListening(Path file, long pid) throws IOException {
        write(file, LISTENING + " " + pid);
    }

    /** The daemon's side: it cannot start, because of {@code reason}. */
    public static void writeFailed(Path file, String reason) throws IOException {
        write(file, FAILED + " " + reason.replace('\n', ' '));
    }

    private static void write(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
    }
}

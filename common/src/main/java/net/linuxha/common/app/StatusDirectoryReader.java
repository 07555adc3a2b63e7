package net.linuxha.common.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads an application's status directory ({@code /etc/cluster/.status/<application>}, Reference 12, 14.8) into a
 * {@link StatusSnapshot}. Files other than {@code TIME} and {@code *.STALE} (LIVENODE, CURRENT, ...) are ignored.
 */
public final class StatusDirectoryReader {

    private StatusDirectoryReader() {
    }

    public static StatusSnapshot read(Path statusDir) throws IOException {
        List<String> names;
        try (Stream<Path> entries = Files.list(statusDir)) {
            names = entries.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(statusDir.toString(), null, "application status directory is missing; "
                    + "rerun 'clbuildapp --build' for the application to recreate it");
        }
        StaleFlags flags;
        try {
            flags = StaleFlags.fromFileNames(names);
        } catch (IllegalArgumentException e) {
            throw new IOException("In " + statusDir + ": " + e.getMessage(), e);
        }
        Path timePath = statusDir.resolve(TimeFile.FILE_NAME);
        Optional<TimeFile> time = Optional.empty();
        if (Files.isRegularFile(timePath)) {
            try {
                time = Optional.of(TimeFile.parse(Files.readString(timePath, StandardCharsets.ISO_8859_1),
                        timePath.toString()));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return new StatusSnapshot(flags, time);
    }
}

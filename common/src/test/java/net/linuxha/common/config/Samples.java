package net.linuxha.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the sample files the tests read: the Reference's samples (test resources) and etc-samples/. */
final class Samples {

    private Samples() {
    }

    /** A file copied from the Reference, under src/test/resources/reference. */
    static Path reference(String relative) {
        try {
            return Path.of(Samples.class.getResource("/reference/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource reference/" + relative, e);
        }
    }

    /** The repository's etc-samples directory; the tests run with the module directory as working directory. */
    static Path etcSamples() {
        Path dir = Path.of("").toAbsolutePath().getParent().resolve("etc-samples");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("etc-samples not found at " + dir);
        }
        return dir;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

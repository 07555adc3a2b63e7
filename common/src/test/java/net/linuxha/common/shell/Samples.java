package net.linuxha.common.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real tool output stored under {@code src/test/resources/shell/} (see the README there for where each came from). */
final class Samples {

    private Samples() {
    }

    static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/shell/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample /shell/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

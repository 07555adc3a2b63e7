package net.linuxha.lems.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where monitors read the kernel's and the system's files: {@code /proc} and {@code /etc/passwd} in production, a
 * temporary tree in tests.
 */
public record SystemFiles(Path procRoot, Path passwd) {

    public SystemFiles {
        Objects.requireNonNull(procRoot, "procRoot");
        Objects.requireNonNull(passwd, "passwd");
    }

    public static SystemFiles system() {
        return new SystemFiles(Path.of("/proc"), Path.of("/etc/passwd"));
    }

    public Path meminfo() {
        return procRoot.resolve("meminfo");
    }
}

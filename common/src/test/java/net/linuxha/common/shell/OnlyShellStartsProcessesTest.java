package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Architecture rule: no production source outside {@code net/linuxha/common/shell} starts a process. Walks every
 * {@code src/main/java} tree of the repository except the {@code lab/} module, whose test harness the project's
 * rules allow to start processes itself.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OnlyShellStartsProcessesTest {

    private static final List<String> FORBIDDEN = List.of("ProcessBuilder", "Runtime.getRuntime().exec");
    private static final String SHELL_PACKAGE = "net/linuxha/common/shell/";

    @Test
    void noProcessIsStartedOutsideTheShellPackage() throws IOException {
        Path root = repositoryRoot();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .collect(Collectors.toList());
        }
        assertTrue(sources.stream().anyMatch(p -> p.endsWith("ProcessCommandRunner.java")),
                "the walk must find the shell package itself under " + root);

        List<String> offenders = sources.stream()
                .filter(p -> !p.toString().replace('\\', '/').contains("/src/main/java/" + SHELL_PACKAGE))
                .filter(p -> !root.relativize(p).startsWith("lab"))
                .filter(OnlyShellStartsProcessesTest::mentionsProcessStart)
                .map(p -> root.relativize(p).toString())
                .collect(Collectors.toList());

        assertEquals(List.of(), offenders, "Start processes only through net.linuxha.common.shell.CommandRunner; "
                + "these files use ProcessBuilder or Runtime.exec directly");
    }

    /** From the module directory (Maven's working directory) up to the directory holding the parent pom. */
    static Path repositoryRoot() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            if (Files.exists(pom) && Files.readString(pom).contains("<artifactId>linuxha-parent</artifactId>")
                    && Files.isDirectory(p.resolve("common"))) {
                return p;
            }
        }
        throw new IllegalStateException("No linuxha parent pom.xml above " + dir);
    }

    private static boolean mentionsProcessStart(Path file) {
        try {
            String text = Files.readString(file);
            return FORBIDDEN.stream().anyMatch(text::contains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

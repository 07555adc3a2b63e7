package net.linuxha.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** LOGCYCLE's renames (Reference 16.8, 16.8.1, 17.1.3) on real files. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LogCyclerTest {

    @TempDir
    Path dir;

    @Test
    void currentLogBecomesZeroAndOldCopiesMoveUpOne() throws IOException {
        Path log = dir.resolve("cldaemon-c1.log");
        write("cldaemon-c1.log", "current");
        write("cldaemon-c1.log.000", "previous");
        write("cldaemon-c1.log.001", "older");

        List<Path> after = LogCycler.cycle(log, 5);

        assertEquals(List.of(dir.resolve("cldaemon-c1.log.000"), dir.resolve("cldaemon-c1.log.001"),
                dir.resolve("cldaemon-c1.log.002")), after);
        assertEquals(contents("cldaemon-c1.log.000", "current", "cldaemon-c1.log.001", "previous",
                "cldaemon-c1.log.002", "older"), listing());
    }

    @Test
    void referenceFirstExampleCurrentLogBecomesDotZeroZeroZero() throws IOException {
        write("lems-apache.log", "3825 bytes");
        LogCycler.cycle(dir.resolve("lems-apache.log"), 5);
        assertEquals(contents("lems-apache.log.000", "3825 bytes"), listing());
    }

    @Test
    void keepsAtMostCountOldCopiesDroppingTheOldest() throws IOException {
        Path log = dir.resolve("app.log");
        write("app.log", "4");
        write("app.log.000", "3");
        write("app.log.001", "2");
        write("app.log.002", "1");
        write("app.log.007", "left over from an earlier, larger count");

        LogCycler.cycle(log, 3);

        assertEquals(contents("app.log.000", "4", "app.log.001", "3", "app.log.002", "2"), listing());
    }

    @Test
    void countOfOneKeepsOnlyTheCopyJustMade() throws IOException {
        write("app.log", "new");
        write("app.log.000", "old");
        LogCycler.cycle(dir.resolve("app.log"), 1);
        assertEquals(contents("app.log.000", "new"), listing());
    }

    @Test
    void compressedCopiesKeepTheirSuffixAndTheirPlace() throws IOException {
        // Reference 16.8.1: lems-apache.log.001.gz is copy 001 and becomes lems-apache.log.002.gz.
        write("lems-apache.log", "current");
        write("lems-apache.log.000", "zero");
        write("lems-apache.log.001.gz", "gz one");
        write("lems-apache.log.002.bz2", "bz2 two");
        write("lems-apache.log.003.Z", "Z three");

        LogCycler.cycle(dir.resolve("lems-apache.log"), 4);

        assertEquals(contents("lems-apache.log.000", "current", "lems-apache.log.001", "zero",
                "lems-apache.log.002.gz", "gz one", "lems-apache.log.003.bz2", "bz2 two"), listing());
    }

    @Test
    void referenceCompressedExample() throws IOException {
        write("lems-apache.log", "current");
        write("lems-apache.log.001.gz", "gz one");
        LogCycler.cycle(dir.resolve("lems-apache.log"), 5);
        assertEquals(contents("lems-apache.log.000", "current", "lems-apache.log.002.gz", "gz one"), listing());
    }

    @Test
    void leavesFilesThatOnlyLookLikeCopiesAlone() throws IOException {
        write("app.log", "current");
        write("app.log.1", "not three digits");
        write("app.log.0001", "four digits");
        write("app.log.000.xz", "unknown compression");
        write("app.log.000.gz.bak", "a backup");
        write("app.logger.000", "another log's name");
        write("other.log.000", "another log");

        LogCycler.cycle(dir.resolve("app.log"), 2);

        TreeMap<String, String> expected = contents("app.log.000", "current", "app.log.1", "not three digits",
                "app.log.0001", "four digits", "app.log.000.xz", "unknown compression", "app.log.000.gz.bak",
                "a backup", "app.logger.000", "another log's name", "other.log.000", "another log");
        assertEquals(expected, listing());
    }

    @Test
    void missingCurrentLogStillShiftsTheCopies() throws IOException {
        write("app.log.000", "zero");
        LogCycler.cycle(dir.resolve("app.log"), 3);
        assertEquals(contents("app.log.001", "zero"), listing());
    }

    @Test
    void countOutsideOneToNinetyNineIsRefusedWithTheRange() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LogCycler.cycle(dir.resolve("app.log"), 0));
        assertTrue(zero.getMessage().contains("from 1 to 99"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogCycler.cycle(dir.resolve("app.log"), 100));
        assertEquals(99, LogCycler.checkCount(99));
    }

    @Test
    void ninetyNineCopiesUseThreeDigitNames() throws IOException {
        Path log = dir.resolve("app.log");
        for (int i = 0; i < 101; i++) {
            write("app.log", "generation " + i);
            LogCycler.cycle(log, 99);
        }
        TreeMap<String, String> files = listing();
        assertEquals(99, files.size());
        assertEquals("generation 100", files.get("app.log.000"));
        assertEquals("generation 2", files.get("app.log.098"));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private TreeMap<String, String> listing() throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                files.put(entry.getFileName().toString(), Files.readString(entry));
            }
        }
        return files;
    }

    private static TreeMap<String, String> contents(String... nameThenText) {
        TreeMap<String, String> files = new TreeMap<>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            files.put(nameThenText[i], nameThenText[i + 1]);
        }
        return files;
    }
}

package net.linuxha.common.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading a real status directory: flags, TIME, other files ignored, errors naming the path. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StatusDirectoryReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsFlagsAndTime() throws IOException {
        Files.writeString(dir.resolve("TIME"), "1118617404\n");
        Files.createFile(dir.resolve("app01vg.admin.sl4s2.STALE"));
        Files.createFile(dir.resolve("LIVENODE"));
        Files.createDirectory(dir.resolve("sub.dir.x.STALE"));
        StatusSnapshot s = StatusDirectoryReader.read(dir);
        assertEquals(List.of("app01vg.admin.sl4s2.STALE"), s.flags().fileNames());
        assertEquals(Optional.of(new TimeFile(1_118_617_404L)), s.time());
    }

    @Test
    void emptyDirectoryHasNoFlagsAndNoTime() throws IOException {
        assertEquals(StatusSnapshot.empty(), StatusDirectoryReader.read(dir));
    }

    @Test
    void missingDirectorySaysHowToRecreateIt() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> StatusDirectoryReader.read(dir.resolve("apache")));
        assertTrue(e.getMessage().contains("apache") && e.getMessage().contains("clbuildapp"), e.getMessage());
    }

    @Test
    void corruptTimeOrFlagNamesThePath() throws IOException {
        Files.writeString(dir.resolve("TIME"), "garbage");
        IOException e = assertThrows(IOException.class, () -> StatusDirectoryReader.read(dir));
        assertTrue(e.getMessage().contains(dir.resolve("TIME").toString()), e.getMessage());
        Files.delete(dir.resolve("TIME"));
        Files.createFile(dir.resolve("novg.STALE"));
        e = assertThrows(IOException.class, () -> StatusDirectoryReader.read(dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("novg.STALE"), e.getMessage());
    }
}

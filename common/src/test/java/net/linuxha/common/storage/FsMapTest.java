package net.linuxha.common.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.app.FileSystemId;
import net.linuxha.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The fsmap file of 8.7: the Reference's own example lines parse, format back unchanged, and errors name the line. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FsMapTest {

    private static final String REFERENCE_EXAMPLE = """
            app01vg:clcst:/cluster/control/myapp:reiserfs:ro:10240
            app01vg:home:/myapp/home:ext3:data=ordered:20480
            app01vg:data:/myapp/data:reiserfs:rw,notail:102400
            """;
    private static final Path FILE = Path.of("/etc/cluster/.resources/fsmap/myapp");

    @TempDir
    Path dir;

    @Test
    void referenceExampleParsesAndFormatsBackUnchanged() throws Exception {
        FsMap map = FsMap.parse("myapp", FILE, REFERENCE_EXAMPLE);

        assertEquals(3, map.entries().size());
        FsMapEntry data = map.entry(new FileSystemId("app01vg", "data")).orElseThrow();
        assertEquals(Path.of("/myapp/data"), data.mountPoint());
        assertEquals("reiserfs", data.fsType());
        assertEquals("rw,notail", data.options());
        assertEquals(102400, data.sizeKb());
        assertEquals("/dev/app01vg/data", data.lvDevice());
        assertEquals(REFERENCE_EXAMPLE, map.format());
    }

    @Test
    void mountOrderPutsParentsFirstAndUnmountOrderChildrenFirst() throws Exception {
        FsMap map = FsMap.parse("apache", FILE, """
                apachevg:data2:/apache/data2:xfs:rw:53248
                apachevg:lv01:/apache:xfs:rw:131072
                """);

        assertEquals(List.of(Path.of("/apache"), Path.of("/apache/data2")),
                map.mountOrder().stream().map(FsMapEntry::mountPoint).toList());
        assertEquals(List.of(Path.of("/apache/data2"), Path.of("/apache")),
                map.unmountOrder().stream().map(FsMapEntry::mountPoint).toList());
    }

    @Test
    void everyBadLineIsReportedWithItsLineNumber() {
        ConfigException e = assertThrows(ConfigException.class, () -> FsMap.parse("myapp", FILE, """
                # comment and blank lines are fine

                app01vg:home:/myapp/home:ext3:rw
                app01vg:data:myapp/data:ext4:rw:100
                app01vg:logs:/myapp/logs:ext4:rw:lots
                app01vg::/myapp/x:ext4:rw:100
                app01vg:a.b:/myapp/y:ext4:rw:100
                app01vg:ok:/myapp/ok:ext4:rw:100
                app01vg:ok:/myapp/ok2:ext4:rw:100
                app01vg:other:/myapp/ok:ext4:rw:100
                """));

        String all = String.join("\n", e.lines());
        assertTrue(all.contains(FILE + ": line 3: \"app01vg:home:/myapp/home:ext3:rw\" has 5 fields; expected 6"), all);
        assertTrue(all.contains("line 4: mount point \"myapp/data\" must be an absolute path"), all);
        assertTrue(all.contains("line 5: size \"lots\" must be a positive whole number of KiB"), all);
        assertTrue(all.contains("line 6: the logical volume field of"), all);
        assertTrue(all.contains("line 7: Logical volume name 'a.b'"), all);
        assertTrue(all.contains("line 9: logical volume app01vg/ok is listed twice"), all);
        assertTrue(all.contains("line 10: mount point /myapp/ok is used twice"), all);
        assertEquals(7, e.problems().size(), all);
    }

    @Test
    void writeThenLoadRoundTripsAtTheClusterPathsLocation() throws Exception {
        ClusterPaths paths = ClusterPaths.under(dir);
        FsMap map = FsMap.parse("myapp", paths.fsmap("myapp"), REFERENCE_EXAMPLE);

        map.write(paths);

        assertEquals(dir.resolve("etc/cluster/.resources/fsmap/myapp"), paths.fsmap("myapp"));
        assertEquals(REFERENCE_EXAMPLE, Files.readString(paths.fsmap("myapp")));
        assertEquals(map, FsMap.load(paths, "myapp"));
    }

    @Test
    void missingFsmapSaysTheApplicationIsNotBuilt() {
        ConfigException e = assertThrows(ConfigException.class, () -> FsMap.load(ClusterPaths.under(dir), "fred"));

        assertTrue(e.lines().get(0).contains("has not been built successfully; run clbuildapp --application fred "
                + "--build"), e.lines().toString());
    }
}

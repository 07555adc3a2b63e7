package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.linuxha.common.testing.DrbdadmDryRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real drbdadm accepts every command line the driver builds: each is run with drbdadm's dry-run flag
 * ({@code -d}), which parses the resource file and prints the drbdsetup/drbdmeta calls it would make. Needs only
 * drbd-utils, not the kernel module.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DrbdDriverDryRunTest {

    private final ProcessCommandRunner real = new ProcessCommandRunner();
    private final DrbdadmDryRun drbdadm = new DrbdadmDryRun(real);
    private DrbdDriver driver;

    @TempDir
    Path dir;

    @BeforeEach
    void writeResourceFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/drbdadm")), "drbd-utils not installed");
        String host = real.run(Command.of("uname", "-n")).orThrow().stdout().strip();
        Path conf = dir.resolve("drbd.conf");
        Files.writeString(conf, """
                resource apache {
                  device /dev/drbd0;
                  disk /dev/vg02/apache;
                  meta-disk internal;
                  on %s { node-id 0; address 127.0.0.1:7789; }
                  on shelltest-peer { node-id 1; address 127.0.0.2:7789; }
                  connection-mesh { hosts %s shelltest-peer; }
                }
                """.formatted(host, host));
        driver = new DrbdDriver(drbdadm, Optional.of(conf));
    }

    @Test
    void upPlansTheSetupCallsForTheResource() {
        driver.up("apache");

        String plan = drbdadm.results().get(0).stdout();
        assertTrue(plan.contains("drbdsetup new-resource apache 0"), plan);
        assertTrue(plan.contains("drbdsetup attach 0 /dev/vg02/apache /dev/vg02/apache internal"), plan);
        assertTrue(plan.contains("drbdsetup connect apache 1"), plan);
    }

    @Test
    void everyOperationIsAcceptedByRealDrbdadm() {
        List<Consumer<DrbdDriver>> operations = List.of(d -> d.down("apache"), d -> d.primary("apache", false),
                d -> d.primary("apache", true), d -> d.secondary("apache"), d -> d.adjust("apache"),
                d -> d.createMetadata("apache"), d -> d.connect("apache"), d -> d.disconnect("apache"),
                d -> d.invalidateRemote("apache"), d -> d.resize("apache"));

        for (Consumer<DrbdDriver> operation : operations) {
            operation.accept(driver);
        }

        List<CommandResult> results = drbdadm.results();
        assertEquals(operations.size(), results.size());
        assertTrue(results.get(2).stdout().contains("drbdsetup primary apache --force"), results.get(2).stdout());
        assertTrue(results.get(5).stdout().contains("create-md 1 --force"), results.get(5).stdout());
        assertTrue(results.get(9).stdout().contains("drbdsetup resize 0"), results.get(9).stdout());
    }

    @Test
    void unknownResourceIsAClearError() {
        DrbdException e = assertThrows(DrbdException.class, () -> driver.up("nosuch"));

        assertTrue(e.getMessage().contains("'nosuch' not defined in your config"), e.getMessage());
        assertTrue(e.getMessage().contains("/etc/drbd.d"), e.getMessage());
    }
}

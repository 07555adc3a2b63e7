package net.linuxha.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Proves the lock daemon's built-in locks apply without cllocks.xml, and that the file overrides and extends them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LockConfigTest {

    @TempDir
    Path dir;

    @Test
    void builtInLocksWhenTheFileIsAbsent() throws ConfigException {
        Loaded<LockConfig> loaded = LockConfig.load(dir.resolve("cllocks.xml"));
        assertEquals(LockConfig.DEFAULTS, loaded.config());
        assertEquals(List.of("NET", "NBD_CLIENT", "NBD_SERVER"), List.copyOf(loaded.config().locks().keySet()));
        assertEquals(Duration.ofSeconds(40), loaded.config().lock("NET").orElseThrow().maxHold());
        assertEquals(Duration.ofSeconds(45), loaded.config().lock("NBD_CLIENT").orElseThrow().maxHold());
        assertEquals(Duration.ofSeconds(45), loaded.config().lock("NBD_SERVER").orElseThrow().maxHold());
    }

    @Test
    void theFileOverridesAndExtendsTheBuiltInLocks() throws IOException, ConfigException {
        Path file = dir.resolve("cllocks.xml");
        Files.writeString(file, "<?xml version=\"1.0\" standalone=\"yes\"?>\n<cllocks>\n"
                + "  <lock name=\"NET\" maxt=\"60.5\"/>\n"
                + "  <lock name=\"APP_BACKUP\" desc=\"Nightly backup\" maxt=\"600\"/>\n</cllocks>\n");
        LockConfig locks = LockConfig.load(file).config();
        assertEquals(List.of("NET", "NBD_CLIENT", "NBD_SERVER", "APP_BACKUP"), List.copyOf(locks.locks().keySet()));
        assertEquals(new LockDefinition("NET", "Network Config", Duration.ofMillis(60_500)),
                locks.lock("NET").orElseThrow(), "desc omitted: the built-in description stays");
        assertEquals(Duration.ofSeconds(45), locks.lock("NBD_SERVER").orElseThrow().maxHold());
        assertEquals(new LockDefinition("APP_BACKUP", "Nightly backup", Duration.ofSeconds(600)),
                locks.lock("APP_BACKUP").orElseThrow());
    }
}

package net.linuxha.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The environment clform and clstartup give the cldaemon they start, here and over ssh (which carries none): the
 * test root, and the reset action a lab sets (LINUXHA_TOC_ACTION=halt-node), which the other node's daemon must get
 * too; nothing else of the tool's environment, and no value that is not a plain word.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DaemonLauncherTest {

    @Test
    void productionPassesNothing() {
        assertEquals(List.of(), DaemonLauncher.environment(Optional.empty(), Map.of("PATH", "/bin", "HOME", "/root")));
    }

    @Test
    void theResetActionAndTheRootArePassedOn() {
        assertEquals(List.of("env", "LINUXHA_TOC_ACTION=halt-node"), DaemonLauncher.environment(Optional.empty(),
                Map.of("LINUXHA_TOC_ACTION", "halt-node", "LINUXHA_OTHER", "x")));
        assertEquals(List.of("env", "LINUXHA_ROOT=/tmp/r", "LINUXHA_TOC_ACTION=halt-node"),
                DaemonLauncher.environment(Optional.of("/tmp/r"), Map.of("LINUXHA_TOC_ACTION", "halt-node")));
    }

    @Test
    void aValueThatIsNotAPlainWordStaysBehind() {
        assertEquals(List.of(), DaemonLauncher.environment(Optional.empty(),
                Map.of("LINUXHA_TOC_ACTION", "halt-node; rm -rf /")));
    }
}

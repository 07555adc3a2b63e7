package net.linuxha.cluster.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import net.linuxha.cluster.membership.NetworkAnswer;
import net.linuxha.common.config.EchoType;
import net.linuxha.common.shell.PrefixedCommandRunner;
import net.linuxha.common.shell.ProcessCommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ICMP probe of all networks runs the networks side by side: with three networks whose pings each take a second
 * (a dead peer), probeAll takes about one second, not three, so a dead node is declared about {@code dead} plus one
 * second after its last heartbeat; the answers keep the networks' order. A {@code ping} script on PATH stands in for
 * the real one: it waits a second, then answers only for addresses ending in .2.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NetworkProberTest {

    @TempDir
    Path bin;

    @Test
    void allNetworksAreProbedAtOnceAndAnswersKeepTheirOrder() throws Exception {
        Path ping = bin.resolve("ping");
        Files.writeString(ping, "#!/bin/sh\nsleep 1\nfor a; do last=$a; done\ncase \"$last\" in *.2) exit 0 ;; esac\n"
                + "exit 1\n");
        Files.setPosixFilePermissions(ping, PosixFilePermissions.fromString("rwxr-xr-x"));
        NetworkProber prober = new NetworkProber(new PrefixedCommandRunner(new ProcessCommandRunner(),
                List.of("env", "PATH=" + bin + ":" + System.getenv("PATH"))), EchoType.ICMP, 9900);
        Map<String, LocalCard> cards = new LinkedHashMap<>();
        cards.put("public", new LocalCard("public", "eth0", "10.0.1.1", 24));
        cards.put("drbd", new LocalCard("drbd", "eth2", "10.0.2.1", 24));
        cards.put("backup", new LocalCard("backup", "eth3", "10.0.3.1", 24));
        Map<String, String> peer = Map.of("public", "10.0.1.2", "drbd", "10.0.2.9", "backup", "10.0.3.2");

        long start = System.nanoTime();
        List<NetworkAnswer> answers = prober.probeAll(cards, peer);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(List.of(new NetworkAnswer("public", "10.0.1.2"), new NetworkAnswer("backup", "10.0.3.2")),
                answers);
        assertTrue(millis < 2500, "three one-second probes took " + millis + " ms: they must run side by side");
    }
}

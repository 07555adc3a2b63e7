package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import net.linuxha.common.testing.Wait;

/**
 * IpDriver and ArpingDriver against the real tools, inside a network namespace created for the test (a veth pair,
 * so nothing leaves the namespace). Needs root.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IpDriverNamespaceTest {

    private final ProcessCommandRunner host = new ProcessCommandRunner();
    private String namespace;
    private IpDriver ip;
    private CommandRunner inside;

    @BeforeEach
    void createNamespace() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for network namespaces");
        namespace = "shelltest-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        host.run(Command.of("ip", "netns", "add", namespace)).orThrow();
        inside = PrefixedCommandRunner.inNetworkNamespace(host, namespace);
        inside.run(Command.of("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1")).orThrow();
        inside.run(Command.of("ip", "link", "set", "dev", "veth1", "up")).orThrow();
        ip = new IpDriver(inside);
    }

    @AfterEach
    void deleteNamespace() {
        if (namespace != null) {
            host.run(Command.of("ip", "netns", "del", namespace));
        }
    }

    @Test
    void addressWithLabelIsAddedReadBackAndDeleted() {
        ip.setLinkUp("veth0");
        ip.addAddress("veth0", "192.168.50.10", 24, Optional.of("192.168.50.255"), Optional.empty());
        ip.addAddress("veth0", "192.168.50.102", 24, Optional.of("192.168.50.255"), Optional.of("veth0:1"));

        IpInterface veth0 = ip.addresses("veth0").orElseThrow();
        IpAddress alias = veth0.address("192.168.50.102").orElseThrow();
        assertEquals(Optional.of("veth0:1"), alias.label());
        assertEquals(24, alias.prefixLength());
        assertEquals(Optional.of("192.168.50.255"), alias.broadcast());
        assertTrue(veth0.isUp());
        assertTrue(ip.addresses().stream().anyMatch(c -> c.name().equals("veth1")));

        assertTrue(ip.deleteAddress("veth0", "192.168.50.102", 24));
        assertFalse(ip.deleteAddress("veth0", "192.168.50.102", 24), "second delete finds nothing");
        assertEquals(Optional.empty(), ip.addresses("veth0").orElseThrow().address("192.168.50.102"));
    }

    @Test
    void linkDownAndUpShowInFlagsAndCarrier() {
        ip.setLinkUp("veth0");
        assertTrue(Wait.until(Duration.ofSeconds(10), () -> ip.addresses("veth0").orElseThrow().hasCarrier()));

        ip.setLinkDown("veth0");

        IpInterface down = ip.links().stream().filter(l -> l.name().equals("veth0")).findFirst().orElseThrow();
        assertFalse(down.isUp());
        assertEquals("DOWN", down.operState());
        assertEquals(Optional.empty(), ip.addresses("nosuchcard"));
    }

    @Test
    void gratuitousArpIsSentOnTheCard() {
        assumeTrue(host.run(Command.of("sh", "-c", "command -v arping")).succeeded(), "iputils-arping not installed");
        ip.setLinkUp("veth0");
        ip.addAddress("veth0", "192.168.50.102", 24, Optional.empty(), Optional.of("veth0:1"));

        ArpingDriver.Result result = new ArpingDriver(inside).announce("veth0", "192.168.50.102", 2);

        assertEquals(2, result.probesSent());
    }
}

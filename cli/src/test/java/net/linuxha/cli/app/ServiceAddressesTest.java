package net.linuxha.cli.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.linuxha.common.config.ApplicationNetwork;
import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.NetworkCards;
import net.linuxha.common.shell.IpJsonParser;
import net.linuxha.common.shell.IpInterface;
import net.linuxha.common.shell.PrefixedCommandRunner;
import net.linuxha.common.shell.ProcessCommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where service addresses go (the working card of their network, labels card:n) and the 11.2 refusal of an address
 * already in use, the latter against this machine's real cards.
 */
@Timeout(30)
class ServiceAddressesTest {

    private static final ClusterNode SERVERA = new ClusterNode("servera",
            List.of(new NetworkCards("public", List.of("eth0", "eth1")), new NetworkCards("drbd", List.of("eth2"))));

    private static ApplicationNetwork network(String net, Optional<String> netmask, String... ips) {
        return new ApplicationNetwork(net, List.of(ips), netmask, Optional.empty(), List.of(), 100, Optional.empty(),
                Optional.empty());
    }

    /** eth0 with the static address and carrier (or not), eth1 standby with carrier, eth2 the drbd card. */
    private static List<IpInterface> cards(boolean eth0Carrier, String eth0Extra) {
        String eth0Flags = eth0Carrier ? "\"UP\",\"LOWER_UP\"" : "\"NO-CARRIER\",\"UP\"";
        return IpJsonParser.parse("[{\"ifindex\":2,\"ifname\":\"eth0\",\"flags\":[" + eth0Flags + "],\"mtu\":1500,"
                + "\"operstate\":\"UP\",\"address\":\"02:00:00:00:00:01\",\"addr_info\":[{\"family\":\"inet\","
                + "\"local\":\"172.16.177.1\",\"prefixlen\":24,\"scope\":\"global\",\"label\":\"eth0\"}" + eth0Extra
                + "]},{\"ifindex\":3,\"ifname\":\"eth1\",\"flags\":[\"UP\",\"LOWER_UP\"],\"mtu\":1500,"
                + "\"operstate\":\"UP\",\"address\":\"02:00:00:00:00:02\",\"addr_info\":[]},{\"ifindex\":4,"
                + "\"ifname\":\"eth2\",\"flags\":[\"UP\",\"LOWER_UP\"],\"mtu\":1500,\"operstate\":\"UP\","
                + "\"address\":\"02:00:00:00:00:03\",\"addr_info\":[{\"family\":\"inet\",\"local\":\"172.16.178.1\","
                + "\"prefixlen\":24,\"scope\":\"global\",\"label\":\"eth2\"}]}]");
    }

    @Test
    void addressesGoOnTheCardHoldingTheStaticAddressWithTheNextFreeLabel() {
        String alias = ",{\"family\":\"inet\",\"local\":\"172.16.177.150\",\"prefixlen\":24,\"scope\":\"global\","
                + "\"secondary\":true,\"label\":\"eth0:1\"}";
        List<ServiceAddress> plan = AddressPlanner.plan(SERVERA,
                List.of(network("public", Optional.empty(), "172.16.177.200", "172.16.177.201")),
                cards(true, alias));
        assertEquals(List.of(
                new ServiceAddress("public", "172.16.177.200", "eth0", "eth0:2", 24, Optional.of("+")),
                new ServiceAddress("public", "172.16.177.201", "eth0", "eth0:3", 24, Optional.of("+"))), plan);
    }

    @Test
    void withoutCarrierOnTheStaticCardTheFirstCardWithCarrierIsUsedAndTheNetmaskGivesThePrefix() {
        List<ServiceAddress> plan = AddressPlanner.plan(SERVERA,
                List.of(network("public", Optional.of("255.255.0.0"), "172.16.177.200")), cards(false, ""));
        assertEquals("eth1", plan.get(0).card());
        assertEquals("eth1:1", plan.get(0).label());
        assertEquals(16, plan.get(0).prefix());
    }

    @Test
    void aNetworkWithoutAWorkingCardOrUnknownToTheNodeIsRefusedWithTheFix() {
        ClusterNode oneCard = new ClusterNode("servera", List.of(new NetworkCards("public", List.of("eth0"))));
        IllegalStateException down = assertThrows(IllegalStateException.class, () -> AddressPlanner.plan(oneCard,
                List.of(network("public", Optional.empty(), "172.16.177.200")), cards(false, "")));
        assertTrue(down.getMessage().contains("No working card for network public on servera"), down.getMessage());
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> AddressPlanner.plan(oneCard,
                List.of(network("backup", Optional.empty(), "10.0.0.1")), cards(true, "")));
        assertTrue(unknown.getMessage().contains("Network backup"), unknown.getMessage());
    }

    @Test
    void theInUsePingRunsWhileArpingProbes(@TempDir Path bin) throws Exception {
        for (String tool : List.of("arping", "ping")) {
            Path file = bin.resolve(tool);
            Files.writeString(file, "#!/bin/sh\nsleep 1.5\n" + (tool.equals("arping") ? "exit 0" : "exit 1") + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ServiceAddresses addresses = new ServiceAddresses(new PrefixedCommandRunner(new ProcessCommandRunner(),
                List.of("env", "PATH=" + bin + ":" + System.getenv("PATH"))));
        long start = System.nanoTime();
        List<String> used = addresses.inUse(List.of(new ServiceAddress("public", "192.0.2.200", "eth0", "eth0:1", 24,
                Optional.of("+"))));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(List.of(), used, "nobody answers ARP or ping: the address is free");
        assertTrue(millis < 2800, "arping and ping (1.5 s each) took " + millis + " ms: they must run side by side");
    }

    @Test
    void theGratuitousArpGoesOnWhileTheCallerContinues(@TempDir Path bin) throws Exception {
        Path log = bin.resolve("calls");
        for (String tool : List.of("arping", "ip")) {
            Path file = bin.resolve(tool);
            Files.writeString(file, "#!/bin/sh\necho \"" + tool + " $*\" >> " + log + "\n"
                    + (tool.equals("arping") ? "sleep 1.5\necho 'Sent 2 probes (2 broadcast(s))'\n" : "") + "exit 0\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ServiceAddresses addresses = new ServiceAddresses(new PrefixedCommandRunner(new ProcessCommandRunner(),
                List.of("env", "PATH=" + bin + ":" + System.getenv("PATH"))));
        long start = System.nanoTime();
        CompletableFuture<Void> announced = addresses.addInBackground(new ServiceAddress(
                "public", "192.0.2.200", "eth0", "eth0:1", 24, Optional.of("+")));
        long returned = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(returned < 1400, "the address is added at once, the ARPs follow (" + returned + " ms)");
        announced.get(10, TimeUnit.SECONDS);
        String calls = Files.readString(log);
        assertTrue(calls.startsWith("ip addr add 192.0.2.200/24"), calls);
        assertTrue(calls.contains("arping -U -c 2 -I eth0 192.0.2.200"), calls);
    }

    @Test
    void netmasksBecomePrefixesAndNonContiguousOnesAreRefused() {
        assertEquals(24, AddressPlanner.prefixOf("255.255.255.0"));
        assertEquals(32, AddressPlanner.prefixOf("255.255.255.255"));
        assertThrows(IllegalArgumentException.class, () -> AddressPlanner.prefixOf("255.0.255.0"));
    }

    @Test
    void anAddressThisNodeAlreadyHoldsIsInUse() {
        // 127.0.0.1 is on this machine's loopback card: found by 'ip -j addr', so refused before any ARP is sent
        ServiceAddresses addresses = new ServiceAddresses(new ProcessCommandRunner());
        ServiceAddress loopback = new ServiceAddress("public", "127.0.0.1", "lo", "lo:1", 8, Optional.empty());
        assertEquals(List.of("127.0.0.1"), addresses.inUse(List.of(loopback)));
        assertEquals("lo", addresses.held(List.of("127.0.0.1")).get(0).card());
        assertTrue(addresses.held(List.of("192.0.2.77")).isEmpty(), "a documentation address is held nowhere");
    }

    @Test
    void theRefusalIsTheReferencesText() {
        assertEquals(List.of("It appears that the IP address for this application is in use.",
                "Either the application is running already, or the configured",
                "IP address is not suitable."), ServiceAddresses.IN_USE_LINES);
    }
}

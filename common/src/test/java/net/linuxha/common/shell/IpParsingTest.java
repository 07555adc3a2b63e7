package net.linuxha.common.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ip -j output captured in a network namespace on this machine, parsed and turned into typed results. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class IpParsingTest {

    @Test
    void addressesWithLabelsPrefixesAndBroadcastAreParsed() {
        List<IpInterface> cards = IpJsonParser.parse(Samples.read("ip-addr-show.json"));

        assertEquals(List.of("lo", "veth1", "veth0", "veth3", "veth2"), cards.stream().map(IpInterface::name).toList());
        IpInterface veth0 = cards.get(2);
        assertTrue(veth0.isUp());
        assertTrue(veth0.hasCarrier());
        assertEquals("UP", veth0.operState());
        assertEquals(Optional.of("7a:6c:91:23:ae:ae"), veth0.macAddress());
        IpAddress alias = veth0.address("192.168.50.102").orElseThrow();
        assertEquals(24, alias.prefixLength());
        assertEquals(Optional.of("veth0:1"), alias.label());
        assertEquals(Optional.of("192.168.50.255"), alias.broadcast());
        assertTrue(alias.secondary());
        assertEquals("192.168.50.102/24", alias.cidr());
        assertEquals(3, veth0.ipv4Addresses().size());
        IpAddress v6 = veth0.addresses().get(3);
        assertEquals("inet6", v6.family());
        assertEquals(Optional.empty(), v6.label());
    }

    @Test
    void downCardWithoutAddresses() {
        IpInterface veth2 = IpJsonParser.parse(Samples.read("ip-addr-show.json")).get(4);

        assertFalse(veth2.isUp());
        assertFalse(veth2.hasCarrier());
        assertEquals("DOWN", veth2.operState());
        assertTrue(veth2.addresses().isEmpty());
    }

    @Test
    void linkListHasNoAddresses() {
        List<IpInterface> links = IpJsonParser.parse(Samples.read("ip-link-show.json"));

        assertEquals(5, links.size());
        assertTrue(links.stream().allMatch(l -> l.addresses().isEmpty()));
        assertEquals(65536, links.get(0).mtu());
    }

    @Test
    void unknownCardIsEmptyNotAnError() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replySample(1, "ip-addr-show-nosuch.stdout", "ip-addr-show-nosuch.stderr");

        assertEquals(Optional.empty(), new IpDriver(runner).addresses("nosuch"));
        assertEquals(List.of("ip", "-j", "addr", "show", "dev", "nosuch"), runner.lastArgv());
    }

    @Test
    void addingAnAddressThatIsAlreadyThereNamesTheAddressAndCard() {
        RecordingCommandRunner runner = new RecordingCommandRunner().replySample(2, null, "ip-addr-add-exists.stderr");

        CommandFailedException e = assertThrows(CommandFailedException.class, () -> new IpDriver(runner)
                .addAddress("veth0", "192.168.50.102", 24, Optional.of("192.168.50.255"), Optional.of("veth0:1")));

        assertTrue(e.getMessage().contains("192.168.50.102/24 is already on card veth0"), e.getMessage());
        assertEquals(List.of("ip", "addr", "add", "192.168.50.102/24", "brd", "192.168.50.255", "dev", "veth0",
                "label", "veth0:1"), runner.lastArgv());
    }

    @Test
    void deletingAMissingAddressReportsFalse() {
        RecordingCommandRunner runner = new RecordingCommandRunner().replySample(2, null, "ip-addr-del-missing.stderr");

        assertFalse(new IpDriver(runner).deleteAddress("veth0", "192.168.77.1", 24));
    }

    @Test
    void garbageIsAClearError() {
        ToolOutputException e = assertThrows(ToolOutputException.class, () -> IpJsonParser.parse("Usage: ip"));

        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void arpingProbeCountIsRead() {
        assertEquals(2, ArpingDriver.parse(Samples.read("arping-unsolicited.stdout")).probesSent());
        assertEquals(1, ArpingDriver.parse(Samples.read("arping-answer.stdout")).probesSent());
    }

    @Test
    void arpingOnAMissingCardNamesCardAndAddress() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .replySample(2, "arping-nodev.stdout", "arping-nodev.stderr");

        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> new ArpingDriver(runner).announce("nosuch", "192.168.50.102", 1));

        assertTrue(e.getMessage().contains("192.168.50.102 on card nosuch"), e.getMessage());
        assertTrue(e.getMessage().contains("Device nosuch not available"), e.getMessage());
        assertEquals(List.of("arping", "-U", "-c", "1", "-I", "nosuch", "192.168.50.102"), runner.lastArgv());
    }
}

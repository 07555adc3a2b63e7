package net.linuxha.net.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.linuxha.net.CardAddress;
import net.linuxha.net.NetEvent;

/** Scan-to-scan differences become the events the decisions expect, and nothing else. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AddressChangesTest {

    private static final CardAddress STATIC = new CardAddress("10.0.0.1", 24, "eth0");
    private static final CardAddress ALIAS = new CardAddress("10.0.0.200", 24, "eth0:1");

    @Test
    void theFirstScanReportsEveryAddress() {
        assertEquals(List.of(new NetEvent.AddressAdded("eth0", STATIC)),
                AddressChanges.between(Map.of(), Map.of("eth0", List.of(STATIC), "eth1", List.of())));
    }

    @Test
    void anUnchangedScanReportsNothing() {
        Map<String, List<CardAddress>> scan = Map.of("eth0", List.of(STATIC, ALIAS));
        assertEquals(List.of(), AddressChanges.between(scan, scan));
    }

    @Test
    void anAddedAliasAndARemovedAliasAreReported() {
        assertEquals(List.of(new NetEvent.AddressAdded("eth0", ALIAS)), AddressChanges.between(
                Map.of("eth0", List.of(STATIC)), Map.of("eth0", List.of(STATIC, ALIAS))));
        assertEquals(List.of(new NetEvent.AddressRemoved("eth0", "10.0.0.200")), AddressChanges.between(
                Map.of("eth0", List.of(STATIC, ALIAS)), Map.of("eth0", List.of(STATIC))));
    }

    @Test
    void aMovedAddressIsAddedOnItsNewCardAndNeverRemoved() {
        CardAddress moved = STATIC.withLabel("eth1");
        assertEquals(List.of(new NetEvent.AddressAdded("eth1", moved)), AddressChanges.between(
                Map.of("eth0", List.of(STATIC), "eth1", List.of()), Map.of("eth0", List.of(), "eth1",
                        List.of(moved))));
    }
}

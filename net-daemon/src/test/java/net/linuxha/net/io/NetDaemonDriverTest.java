package net.linuxha.net.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.linuxha.net.CardAddress;
import net.linuxha.net.NetAction;
import net.linuxha.net.NetControl;
import net.linuxha.net.NetDaemonCore;
import net.linuxha.net.NetEvent;
import net.linuxha.net.NetTimings;
import net.linuxha.net.NetworkSetup;
import net.linuxha.net.NetworkState;

/** The I/O edge around the core: polling, carrying out, feedback of failures, retries and REREAD. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NetDaemonDriverTest {

    private static final CardAddress STATIC = new CardAddress("172.16.177.1", 24, "eth0");
    private static final CardAddress APACHE = new CardAddress("172.16.177.200", 24, "eth0:1");

    private final FakeNode node = new FakeNode();
    private final FakeNode.ManualClock clock = new FakeNode.ManualClock(Instant.parse("2005-06-07T06:24:21Z"));
    private NetDaemonCore core;
    private NetDaemonDriver driver;

    @BeforeEach
    void startDaemon() {
        node.topology = List.of(NetworkSetup.of("public", List.of("eth0", "eth1", "eth2"), Map.of()));
        node.addresses.put("eth0", new ArrayList<>(List.of(STATIC, APACHE)));
        node.carrier.putAll(Map.of("eth0", true, "eth1", true, "eth2", true));
        core = new NetDaemonCore(NetTimings.defaults());
        ActionExecutor executor = new ActionExecutor(node, node, node, node);
        driver = new NetDaemonDriver(core, new CarrierPoller(node, node), executor, clock, node);
        driver.carryOut(core.reread(Optional.empty()));
        node.calls.clear();
    }

    private void poll() {
        clock.advance(core.timings().pollInterval());
        driver.pollOnce();
    }

    @Test
    void cablePullIsActedOnInTheNextPollWithArpsBeforeLogLines() {
        node.carrier.put("eth0", false);
        poll();
        assertEquals(List.of(
                "move eth0->eth1 [172.16.177.1/24(eth1), 172.16.177.200/24(eth1:1)]",
                "arp eth1 172.16.177.1",
                "arp eth1 172.16.177.200",
                "log WARN Link failure detected on card eth0 (network public)",
                "log INFO Moved 2 IP address(es) from eth0 to eth1 (network public): 172.16.177.1/24(eth1), "
                        + "172.16.177.200/24(eth1:1)"), node.calls);
        assertEquals(List.of(STATIC.withLabel("eth1"), APACHE.withLabel("eth1:1")), node.addresses.get("eth1"));
    }

    @Test
    void failedMoveIsRetriedOnTheNextCardWithinTheSameTurn() {
        node.brokenCards.add("eth1");
        node.carrier.put("eth0", false);
        poll();
        assertEquals(List.of("move-failed eth0->eth1", "move eth0->eth2 [172.16.177.1/24(eth2), "
                + "172.16.177.200/24(eth2:1)]", "arp eth2 172.16.177.1", "arp eth2 172.16.177.200"),
                node.callsExceptLogs());
        assertTrue(node.calls.stream().anyMatch(call -> call.startsWith("log ERROR Failed to move IP addresses from "
                + "eth0 to eth1 (network public): RTNETLINK answers: No such device (eth1)")));
    }

    @Test
    void reportCldaemonMissedIsRetriedUntilItArrives() {
        node.cldaemonDown = true;
        node.carrier.putAll(Map.of("eth0", false, "eth1", false, "eth2", false));
        poll();
        assertTrue(node.calls.contains("log ERROR Cannot inform the cluster daemon that network public is down: "
                + "connection refused by cldaemon on port 9905 - will retry; check that cldaemon is running (clstat)"),
                node.calls.toString());
        node.calls.clear();
        poll();
        poll();
        assertEquals(List.of(), node.calls, "retries fail quietly");
        node.cldaemonDown = false;
        node.calls.clear();
        poll();
        assertEquals(List.of("report down public", "log INFO Informed the cluster daemon that network public is down "
                + "after an earlier failure"), node.calls);
        node.calls.clear();
        poll();
        assertEquals(List.of(), node.callsExceptLogs());
    }

    @Test
    void unreadableCardCountsAsNoLinkAndIsLoggedOnce() {
        node.missingCards.add("eth0");
        poll();
        poll();
        poll();
        long errors = node.calls.stream().filter(call -> call.startsWith("log ERROR Cannot read the link state of "
                + "card eth0")).count();
        assertEquals(1, errors);
        assertEquals("move eth0->eth1 [172.16.177.1/24(eth1), 172.16.177.200/24(eth1:1)]",
                node.callsExceptLogs().get(0));
    }

    @Test
    void failedGratuitousArpIsLoggedAndTheMoveStands() {
        node.arpFails = true;
        node.carrier.put("eth0", false);
        poll();
        assertEquals(List.of("move eth0->eth1 [172.16.177.1/24(eth1), 172.16.177.200/24(eth1:1)]"),
                node.callsExceptLogs());
        assertTrue(node.calls.stream().anyMatch(call -> call.startsWith("log WARN Gratuitous ARP for 172.16.177.1 on "
                + "card eth1 failed: arping: interface eth1 is down")));
    }

    @Test
    void rereadThroughClnetdctlRestartsMonitoringAndReportsTheNetworkBack() {
        node.carrier.putAll(Map.of("eth0", false, "eth1", false, "eth2", false));
        poll();
        assertEquals(NetworkState.DOWN, core.monitor("public").orElseThrow().state());
        // The administrator fixes eth2's cable and asks for a re-read (Reference 21.2.1).
        node.carrier.put("eth2", true);
        node.calls.clear();

        NetControl.Answer answer = new NetControl(core).handle("REREAD", List.of("network=public"), clock.instant());
        driver.carryOut(answer.actions());

        assertEquals("OK REREAD network=public", answer.text());
        assertEquals(List.of("move eth0->eth2 [172.16.177.1/24(eth2), 172.16.177.200/24(eth2:1)]",
                "arp eth2 172.16.177.1", "arp eth2 172.16.177.200", "report up public"), node.callsExceptLogs());
    }

    @Test
    void rereadOfANetworkClconfDoesNotDefineIsLoggedAndChangesNothing() {
        driver.carryOut(core.reread(Optional.of("dmz")));
        assertTrue(node.calls.contains("log ERROR Cannot re-read network dmz: network dmz is not defined for this "
                + "node in /etc/cluster/clconf.xml - monitoring continues with the previous settings"),
                node.calls.toString());
        assertEquals(List.of("public"), core.networks());
    }

    @Test
    void linkEventsNeedNoPoll() {
        clock.advance(Duration.ofMillis(7));
        driver.handle(new NetEvent.CarrierChanged("eth0", false));
        assertEquals("move eth0->eth1 [172.16.177.1/24(eth1), 172.16.177.200/24(eth1:1)]",
                node.callsExceptLogs().get(0));
    }

    @Test
    void executorRefusesNothingItKnowsAndReturnsNoFeedbackForPlainWork() {
        ActionExecutor executor = new ActionExecutor(node, node, node, node);
        List<NetEvent> feedback = executor.execute(List.of(NetAction.Log.info("hello"),
                new NetAction.ReportNetworkUp("public")));
        assertEquals(List.of(), feedback);
        assertEquals(List.of("report up public", "log INFO hello"), node.calls);
    }
}

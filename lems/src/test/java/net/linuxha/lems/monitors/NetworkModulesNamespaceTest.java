package net.linuxha.lems.monitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.shell.ArpingDriver;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.IpAddress;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.IpInterface;
import net.linuxha.common.shell.LinkState;
import net.linuxha.common.shell.PrefixedCommandRunner;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.lems.daemon.ShellProgramRunner;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.support.LogCapture;
import net.linuxha.lems.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ip_module, link_module and ip_move_interface against real cards: a network namespace {@code lemsmontest-PID} made
 * here with two veth pairs ({@code lm0}-{@code lm1}, {@code lm2}-{@code lm3}); clconf.xml gives network public the
 * cards lm0 and lm2, appconf.xml the service address 192.168.201.200/24. Addresses are read and moved with the real
 * {@code ip} and announced with the real {@code arping} inside the namespace; checklist hosts are pinged there. The
 * carrier comes from a temporary sysfs tree the test writes, since veth carrier cannot be cut on one side alone.
 * The namespace is removed after the class, whatever happened.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetworkModulesNamespaceTest {

    private static final String NAMESPACE = "lemsmontest-" + ProcessHandle.current().pid();
    private static final String SERVICE = "192.168.201.200";
    private static final CommandRunner HOST = new ProcessCommandRunner();
    private static final CommandRunner INSIDE = PrefixedCommandRunner.inNetworkNamespace(HOST, NAMESPACE);
    private static boolean created;

    @TempDir
    Path root;

    private Path sysfs;
    private NetworkNode node;
    private final IpDriver ip = new IpDriver(INSIDE);
    private final NetworkTroubles troubles = new NetworkTroubles();
    private final MutableClock clock = MutableClock.at(1_700_000_000L);

    @BeforeAll
    static void createNamespace() {
        assumeTrue("root".equals(System.getProperty("user.name")), "network namespaces need root");
        CommandResult add = HOST.run(Command.of("ip", "netns", "add", NAMESPACE));
        assumeTrue(add.succeeded(), "cannot create a network namespace here: " + add.stderr());
        created = true;
        for (String line : List.of("link set lo up", "link add lm0 type veth peer name lm1",
                "link add lm2 type veth peer name lm3", "link set lm0 up", "link set lm1 up", "link set lm2 up",
                "link set lm3 up", "addr add 192.168.201.1/24 dev lm0", "addr add 192.168.201.2/24 dev lm1")) {
            INSIDE.run(Command.of(List.of(("ip " + line).split(" ")))).orThrow();
        }
    }

    @AfterAll
    static void removeNamespace() {
        if (created) {
            HOST.run(Command.of("ip", "netns", "del", NAMESPACE)).orThrow();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        for (String card : List.of("lm0", "lm2")) {
            ip.deleteAddress(card, SERVICE, 24);
        }
        sysfs = root.resolve("sys/class/net");
        carrier("lm0", true);
        carrier("lm2", true);
        node = new NetworkNode(root, "lm0,lm2");
        node.appconf("apache", "net=\"public\" ip=\"" + SERVICE + "\" netmask=\"255.255.255.0\"");
    }

    private void carrier(String card, boolean present) throws IOException {
        Files.createDirectories(sysfs.resolve(card));
        Files.writeString(sysfs.resolve(card).resolve("carrier"), present ? "1\n" : "0\n");
        Files.writeString(sysfs.resolve(card).resolve("operstate"), present ? "up\n" : "down\n");
    }

    private MonitorContext context(String check) {
        return node.context(check, clock, new ShellProgramRunner(INSIDE), MonitorContext.Services.of(node.setup, ip,
                new LinkState(sysfs), new ArpingDriver(INSIDE), troubles));
    }

    /** The card holding the service address and its label, read with ip inside the namespace. */
    private Optional<String> holder() {
        for (IpInterface card : ip.addresses()) {
            Optional<IpAddress> a = card.address(SERVICE);
            if (a.isPresent()) {
                return Optional.of(card.name() + " " + a.get().label().orElse("-") + " /" + a.get().prefixLength());
            }
        }
        return Optional.empty();
    }

    @Test
    void ipModuleWantsAMoveWhenTheAddressIsMissingOrTooFewChecklistHostsAnswer() throws Exception {
        Monitor module = new IpModule.Factory().create(List.of(), context("ip"));
        assertEquals(CheckResult.of(1, "public"), module.check(), "the address is on no card");
        assertEquals(Map.of("public", NetworkTroubles.Kind.ADDRESS_MISSING), troubles.take());
        assertEquals("public,missing=" + SERVICE, module.detail());

        ip.addAddress("lm0", SERVICE, 24, Optional.of("+"), Optional.of("lm0:1"));
        assertEquals(CheckResult.of(0), module.check(), "present on lm0, no checklist");
        assertEquals("public,ok", module.detail());

        node.appconf("apache", "net=\"public\" ip=\"" + SERVICE + "\" netmask=\"255.255.255.0\" "
                + "checklist=\"192.168.201.2,192.168.201.9\" checkpercent=\"100\"");
        Monitor strict = new IpModule.Factory().create(List.of("apache"), context("ip"));
        assertEquals(CheckResult.of(1, "public"), strict.check(), "192.168.201.9 does not answer");
        assertEquals("public,checklist=1/2<100%", strict.detail());
        assertEquals(Map.of("public", NetworkTroubles.Kind.CHECKLIST_FAILED), troubles.take());

        node.appconf("apache", "net=\"public\" ip=\"" + SERVICE + "\" netmask=\"255.255.255.0\" "
                + "checklist=\"192.168.201.2,192.168.201.9\" checkpercent=\"50\"");
        assertEquals(CheckResult.of(0), new IpModule.Factory().create(List.of(), context("ip")).check(),
                "one of two answering is 50%");
    }

    @Test
    void linkModuleWantsAMoveWhenTheCardHoldingTheAddressLosesItsCarrier() throws Exception {
        ip.addAddress("lm0", SERVICE, 24, Optional.of("+"), Optional.of("lm0:1"));
        Monitor module = new LinkModule.Factory().create(List.of(), context("link"));
        assertEquals(CheckResult.of(0), module.check());
        assertEquals("public," + SERVICE + ",lm0,up", module.detail());
        carrier("lm0", false);
        assertEquals(CheckResult.of(1, "public"), module.check());
        assertEquals("public," + SERVICE + ",lm0,lost", module.detail());
        assertEquals(Map.of("public", NetworkTroubles.Kind.LINK_LOST), troubles.take());
    }

    @Test
    void ipMoveInterfaceMovesOnceKeepsTheLabelAndGivesUpWhenTheOtherCardWasJustLeft() throws Exception {
        ip.addAddress("lm0", SERVICE, 24, Optional.of("+"), Optional.of("lm0:1"));
        Monitor move = new IpMoveInterface.Factory().create(List.of("apache", "window=300"), context("move_ip"));
        assertEquals(CheckResult.of(0), move.check(), "nothing to do while lm0 has its link");
        assertEquals(Optional.of("lm0 lm0:1 /24"), holder());

        carrier("lm0", false);
        troubles.report("public", NetworkTroubles.Kind.LINK_LOST);
        assertEquals(CheckResult.of(0, "public"), move.check());
        assertEquals(Optional.of("lm2 lm2:1 /24"), holder(), "moved to lm2 with the alias number kept");
        assertTrue(ip.addresses("lm0").orElseThrow().address(SERVICE).isEmpty(), "gone from lm0");
        assertEquals(CheckResult.of(0), move.check(), "a second run changes nothing");
        assertEquals(Optional.of("lm2 lm2:1 /24"), holder());
        assertTrue(move.detail().matches("public,moves=1,window=300,last=lm0->lm2@1700000000"), move.detail());

        carrier("lm2", false);
        carrier("lm0", true);
        clock.advance(Duration.ofSeconds(60));
        assertEquals(CheckResult.of(1, "public"), move.check(), "lm0 was left 60 s ago: fail over");
        assertEquals(Optional.of("lm2 lm2:1 /24"), holder(), "nothing moved when giving up");

        clock.advance(Duration.ofSeconds(241));
        assertEquals(CheckResult.of(0, "public"), move.check(), "after the window lm0 is a candidate again");
        assertEquals(Optional.of("lm0 lm0:1 /24"), holder());
        assertEquals("OK move history cleared", move.accept("RESET").replyText());
        assertEquals("", move.detail());
    }

    @Test
    void ipMoveInterfaceAssignsAMissingAddressWithTheNetmask() throws Exception {
        Monitor move = new IpMoveInterface.Factory().create(List.of(), context("move_ip"));
        assertEquals(CheckResult.of(0, "public"), move.check());
        assertEquals(Optional.of("lm0 lm0:1 /24"), holder());
    }

    @Test
    void tooManyMovesWithinTheWindowAskForFailover() throws Exception {
        Monitor move = new IpMoveInterface.Factory().create(List.of("window=60", "moves=2"), context("move_ip"));
        try (LogCapture log = new LogCapture(IpMoveInterface.class)) {
            for (int i = 0; i < 2; i++) {
                assertEquals(CheckResult.of(0, "public"), move.check(), "assignment " + (i + 1));
                assertTrue(ip.deleteAddress("lm0", SERVICE, 24), "someone removes the address again");
                clock.advance(Duration.ofSeconds(5));
            }
            assertEquals(CheckResult.of(1, "public"), move.check(), "two moves in 60 s were allowed, not three");
            assertEquals(Optional.empty(), holder());
            assertTrue(log.messages().stream().anyMatch(m -> m.contains("moved 2 times in the last 60 s (limit 2)")),
                    log.messages().toString());
        }
        clock.advance(Duration.ofSeconds(60));
        assertEquals(CheckResult.of(0, "public"), move.check(), "the window has passed");
    }

    @Test
    void wrongArgumentsAndUnknownNetworksNameTheFix() throws Exception {
        Exception e = assertThrows(Exception.class,
                () -> new IpMoveInterface.Factory().create(List.of("moves=zero"), context("move_ip")));
        assertTrue(e.getMessage().contains("moves=zero") && e.getMessage().contains("whole number"), e.getMessage());
        node.appconf("apache", "net=\"backup\" ip=\"" + SERVICE + "\"");
        e = assertThrows(Exception.class,
                () -> new LinkModule.Factory().create(List.of(), context("link")));
        assertTrue(e.getMessage().contains("network backup") && e.getMessage().contains("clconf.xml"),
                e.getMessage());
    }
}

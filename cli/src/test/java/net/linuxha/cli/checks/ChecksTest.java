package net.linuxha.cli.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.config.ClusterNode;
import net.linuxha.common.config.NetworkCards;
import net.linuxha.common.shell.ProcessCommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reusable checks against this machine's real commands, cards and sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChecksTest {

    private final NodeShell here = NodeShell.local("here", new ProcessCommandRunner());

    @Test
    void toolsCheckFindsToolsOnThePathAndNamesMissingOnes() throws Exception {
        List<CheckResult> found = new ToolsCheck("t", here, "shell tools", List.of("sh", "ls"), List.of(), "x")
                .run();
        assertEquals(List.of(CheckResult.ok("shell tools found on here (sh, ls).")), found);
        List<CheckResult> missing = new ToolsCheck("t", here, "DRBD administration tools",
                List.of("sh", "no-such-tool-linuxha"), List.of("no-such-optional-linuxha"), "install drbd-utils")
                .run();
        assertEquals(CheckStatus.FAIL, missing.get(0).status());
        assertTrue(missing.get(0).message().contains("no-such-tool-linuxha not found"), missing.toString());
        assertEquals("install drbd-utils", missing.get(0).fix());
        assertEquals(CheckStatus.WARN, missing.get(1).status());
        assertTrue(missing.get(1).message().contains("no-such-optional-linuxha"), missing.toString());
    }

    @Test
    void nameResolutionUsesGetent() throws Exception {
        List<CheckResult> results = new NameResolutionCheck("r", here, List.of("localhost",
                "no-such-node.invalid")).run();
        assertEquals(CheckStatus.OK, results.get(0).status(), results.toString());
        assertEquals(CheckStatus.FAIL, results.get(1).status());
        assertTrue(results.get(1).message().contains("no-such-node.invalid does not resolve"), results.toString());
        assertTrue(results.get(1).fix().contains("/etc/hosts"));
    }

    /** A real listener on loopback is "in use"; a closed port is not. */
    @Test
    void portProbeSeesAListener() throws Exception {
        PortProbe probe = PortProbe.tcp(Duration.ofSeconds(2));
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            assertTrue(probe.accepting("127.0.0.1", server.getLocalPort()));
            int port = server.getLocalPort();
            server.close();
            assertFalse(probe.accepting("127.0.0.1", port));
        }
        assertFalse(probe.accepting("no-such-node.invalid", 9900));
    }

    /** The loopback card exists everywhere; a card named eth7 of the topology does not. */
    @Test
    void cardsCheckNamesAMissingCardAndTheCardsThatExist() {
        ClusterNode node = new ClusterNode("here", List.of(new NetworkCards("public", List.of("lo", "nosuchcard7"))));
        List<CheckResult> results = new CardsCheck("c", node, new NodeInterfaces(here)).run();
        assertEquals(CheckStatus.OK, results.get(0).status(), results.toString());
        assertTrue(results.get(0).message().contains("127.0.0.1/8"), results.toString());
        CheckResult missing = results.get(1);
        assertEquals(CheckStatus.FAIL, missing.status());
        assertTrue(missing.message().startsWith("Card nosuchcard7 of network public does not exist on here (it has: ")
                && missing.message().contains("lo"), missing.message());
        assertTrue(missing.fix().contains("<node[here]><network[public]>@cards"), missing.fix());
    }

    @Test
    void pingWarnsInsteadOfFailing() {
        List<CheckResult> results = new PingCheck("p", here, () -> List.of(new PingCheck.Target("127.0.0.1", "lo"),
                // Unresolvable, so ping fails without sending anything off this machine.
                new PingCheck.Target("no-such-node.invalid", "unknown address"))).run();
        assertEquals(CheckStatus.OK, results.get(0).status(), results.toString());
        assertEquals(CheckStatus.WARN, results.get(1).status(), results.toString());
    }

    /** ssh to a name that does not resolve fails with ssh's reason and Appendix C as the fix. */
    @Test
    void sshCheckReportsSshsReason() {
        NodeShell nowhere = here.sshTo("no-such-node.invalid");
        List<CheckResult> results = new SshCheck("s", "here", nowhere).run();
        assertEquals(CheckStatus.FAIL, results.get(0).status());
        assertTrue(results.get(0).message().contains("no-such-node.invalid"), results.toString());
        assertTrue(results.get(0).fix().contains("Appendix C"));
    }

    /** Every check runs; one that needs a failed one is skipped; an exception is a failure, not a crash. */
    @Test
    void runnerRunsEverythingAndSkipsDependents() {
        List<String> seen = new ArrayList<>();
        CheckListener listener = new CheckListener() {
            @Override
            public void starting(Check check) {
                seen.add("start " + check.name());
            }

            @Override
            public void result(Check check, CheckResult result) {
                seen.add(result.status() + " " + check.name());
            }

            @Override
            public void skipped(Check check, List<String> missing) {
                seen.add("skip " + check.name() + " " + missing);
            }
        };
        CheckReport report = new CheckRunner(listener).run(List.of(
                check("a", List.of(), () -> List.of(CheckResult.fail("a broke", "fix a"))),
                check("b", List.of("a"), () -> List.of(CheckResult.ok("b"))),
                check("c", List.of(), () -> {
                    throw new IllegalStateException("boom");
                }),
                check("d", List.of(), () -> List.of(CheckResult.warn("d", "fix d")))));
        assertEquals(List.of("start a", "FAIL a", "skip b [a]", "start c", "FAIL c", "start d", "WARN d"), seen);
        assertEquals(2, report.failures().size());
        assertTrue(report.failures().get(1).message().contains("boom"));
        assertEquals(1, report.warnings().size());
        assertFalse(report.ok());
        assertTrue(report.outcome("b").orElseThrow().skipped());
    }

    private interface Body {
        List<CheckResult> run() throws Exception;
    }

    private static Check check(String name, List<String> requires, Body body) {
        return new Check() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "check " + name;
            }

            @Override
            public List<String> requires() {
                return requires;
            }

            @Override
            public List<CheckResult> run() throws Exception {
                return body.run();
            }
        };
    }
}

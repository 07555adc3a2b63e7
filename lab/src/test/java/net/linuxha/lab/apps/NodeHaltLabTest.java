package net.linuxha.lab.apps;

import static net.linuxha.lab.Halab.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import net.linuxha.lab.Halab;
import net.linuxha.lab.SampleApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Halting one node with the sample application running on it (Reference 13.3), from the other node:
 * {@code clhalt --node servera --action halt} stops the application and servera's cluster daemon, serverb stays in
 * the cluster and nothing serves the page; after servera joins again and runs the application,
 * {@code clhalt --node servera --action failover} moves it to serverb (serving the page) before servera's daemon
 * ends.
 */
@Tag("lab")
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class NodeHaltLabTest {

    private static final String APP = "apache";
    private static final String IP = SampleApp.SAMPLE.ip();
    private static final String PAGE = "page of apache\n";

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root");
    }

    @Test
    void haltAndFailoverOfTheNodeRunningTheApplication() throws Exception {
        Halab.runWithNewLab(lab -> {
            SampleApp app = new SampleApp(lab);
            app.cluster();
            app.buildSample(xml -> xml);
            app.form("");
            await(Duration.ofSeconds(120), () -> app.startedOn(APP, "servera") && PAGE.equals(app.page(IP, "")),
                    () -> "apache did not start on servera after clform:\n" + app.diagnosis(APP));

            // --action error (the default) refuses while an application runs there
            Halab.Result refused = app.run("serverb", "clhalt --node servera");
            assertEquals(1, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("Unable to remove node servera from cluster"), refused.toString());
            assertTrue(app.startedOn(APP, "servera"));

            Halab.Result halt = app.run("serverb", "clhalt --node servera --action halt");
            assertEquals(0, halt.exitCode(), halt.toString());
            assertTrue(halt.out().contains("Halting application apache on servera..."), halt.out());
            assertTrue(halt.out().contains("Cluster Daemon halted on servera."), halt.out());
            await(Duration.ofSeconds(30), () -> !app.daemonRuns("servera"), () -> "servera's daemon still runs");
            assertTrue(app.status("serverb", APP).startsWith("DOWN,"), app.status("serverb", APP));
            assertEquals("UP", app.ask("serverb", "ECHO"), "serverb stays in the cluster");
            assertFalse(app.holds("servera", IP) || app.holds("serverb", IP), "no node holds the address");
            assertFalse(app.run("servera", "grep -q ' /apache/' /proc/self/mounts").ok(), "unmounted on servera");
            assertEquals("", app.page(IP, ""));

            // servera back, the application on it again, then a fail-over halt
            Halab.require(app.tool("servera", "clform --join"), "clform --join on servera");
            Halab.require(app.run("servera", "clrunapp -A apache --node servera"), "clrunapp on servera");
            await(Duration.ofSeconds(60), () -> app.startedOn(APP, "servera") && PAGE.equals(app.page(IP, "")),
                    () -> "apache did not start on servera again:\n" + app.diagnosis(APP));

            Halab.Result failover = app.run("serverb", "clhalt --node servera --action failover");
            assertEquals(0, failover.exitCode(), failover.toString());
            assertTrue(failover.out().contains("Application apache starting on node serverb..."), failover.out());
            assertTrue(failover.out().contains("Cluster Daemon halted on servera."), failover.out());
            await(Duration.ofSeconds(60), () -> app.startedOn(APP, "serverb") && PAGE.equals(app.page(IP, "")),
                    () -> "apache is not on serverb:\n" + app.diagnosis(APP));
            await(Duration.ofSeconds(30), () -> !app.daemonRuns("servera"), () -> "servera's daemon still runs");
            assertFalse(app.holds("servera", IP));
            assertTrue(app.holds("serverb", IP));
        });
    }
}

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
 * Two applications (Reference 14, 19, 11.4): the sample "apache" built from servera, and "apache2", a copy with its
 * own address 172.16.177.201 and two volume groups (app02vg: admin, docs; app03vg: logs), built from serverb, with
 * {@code dependencies} apache and {@code preferred_node} serverb; both autostart.
 * <ol>
 * <li>clform starts the autostart applications in dependency order: apache (on servera, the first valid node), then
 * apache2 on its preferred node serverb; both answer at once, each on its own node.</li>
 * <li>Halting apache2 leaves apache untouched: same start time, same web server process, still answering.</li>
 * <li>With both down, {@code clrunapp -A apache2} starts apache first (on servera), then apache2 on serverb.</li>
 * </ol>
 */
@Tag("lab")
@Timeout(value = 1200, unit = TimeUnit.SECONDS)
class DependenciesLabTest {

    private static final String IP = SampleApp.SAMPLE.ip();
    private static final String IP2 = SampleApp.second().ip();
    private static final String PAGE = "page of apache\n";
    private static final String PAGE2 = "page of apache2\n";

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root");
    }

    private static boolean bothRun(SampleApp app) {
        return app.startedOn("apache", "servera") && app.startedOn("apache2", "serverb")
                && PAGE.equals(app.page(IP, "")) && PAGE2.equals(app.page(IP2, ""));
    }

    private static String httpdPid(SampleApp app, String node, String ip) {
        return app.run(node, "pgrep -u nobody -f '^httpd -m http.server --bind " + ip + " '").out().strip();
    }

    @Test
    void dependenciesPreferredNodeAndTwoApplicationsSideBySide() throws Exception {
        Halab.runWithNewLab(lab -> {
            SampleApp app = new SampleApp(lab);
            app.cluster();
            app.buildSample(xml -> xml);
            String checked = app.buildSecond("serverb");
            assertTrue(checked.contains("Validated dependent application apache."), checked);
            assertTrue(checked.contains("Preferred_node parameter present and valid."), checked);

            // 19.3: clform starts autostart applications, dependencies first, each on its preferred node
            String formed = app.form("").out();
            assertTrue(formed.contains("Applications to start automatically (in order): apache, apache2"), formed);
            assertTrue(formed.indexOf("accepted the start of application apache ") < formed.indexOf(
                    "accepted the start of application apache2"), formed);
            assertTrue(formed.contains("Cluster daemon on serverb accepted the start of application apache2"), formed);
            await(Duration.ofSeconds(150), () -> bothRun(app), () -> "apache on servera and apache2 on serverb "
                    + "after clform:\n" + app.diagnosis("apache") + app.diagnosis("apache2"));
            assertFalse(app.holds("serverb", IP) || app.holds("servera", IP2), "each address on its own node");

            // 11.4: halting one leaves the other alone
            String before = app.status("servera", "apache");
            String httpd = httpdPid(app, "servera", IP);
            assertFalse(httpd.isEmpty(), "apache's web server runs on servera");
            Halab.Result halt = app.run("serverb", "clhaltapp -A apache2");
            assertEquals(0, halt.exitCode(), halt.toString());
            await(Duration.ofSeconds(30), () -> app.status("servera", "apache2").startsWith("DOWN,"),
                    () -> app.diagnosis("apache2"));
            assertFalse(app.holds("serverb", IP2));
            assertEquals("", app.page(IP2, ""), "apache2 no longer answers");
            assertEquals(before, app.status("servera", "apache"), "apache untouched (state, node, start time)");
            assertEquals(httpd, httpdPid(app, "servera", IP), "apache's web server was not restarted");
            assertEquals(PAGE, app.page(IP, ""));

            // 19.2: clrunapp of the dependent application starts what it depends on first
            assertEquals(0, app.run("servera", "clhaltapp -A apache").exitCode());
            await(Duration.ofSeconds(30), () -> app.status("servera", "apache").startsWith("DOWN,"),
                    () -> app.diagnosis("apache"));
            Halab.Result run = app.run("servera", "clrunapp -A apache2");
            assertEquals(0, run.exitCode(), run.toString());
            String out = run.out();
            assertTrue(out.contains("Application apache2 depends on: apache"), out);
            int first = out.indexOf("Application apache will be started on node servera");
            int second = out.indexOf("Application apache2 will be started on node serverb");
            assertTrue(first >= 0 && second > first, "apache first, then apache2 on its preferred node:\n" + out);
            assertTrue(out.indexOf("Application apache started after") < second, out);
            await(Duration.ofSeconds(60), () -> bothRun(app), () -> "after clrunapp:\n" + app.diagnosis("apache")
                    + app.diagnosis("apache2"));
        });
    }
}

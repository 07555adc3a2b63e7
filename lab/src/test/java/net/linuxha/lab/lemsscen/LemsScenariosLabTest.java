package net.linuxha.lab.lemsscen;

import static net.linuxha.lab.Halab.await;
import static net.linuxha.lab.lemsscen.SampleApplication.APP_DIR;
import static net.linuxha.lab.lemsscen.SampleApplication.LEMS_LOCAL;
import static net.linuxha.lab.lemsscen.SampleApplication.PAGE;
import static net.linuxha.lab.lemsscen.SampleApplication.slow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import net.linuxha.lab.Halab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lems in the running cluster (Reference 9.2-9.3, 11.3.2-11.3.3, 11.6, 16, 17.2-17.3, 21.2.4-21.2.6, 24): the
 * sample application built and started with clbuild, clbuildapp, clform and clrunapp (SampleApplication), then, in
 * one lab and in this order:
 * <ol>
 * <li>a killed web server is restarted by procmon, and clstat -A apache shows the restart count and reset time;</li>
 * <li>a flag file stops the httpd monitor and removing it starts it again (flag_check, 11.6, 24.4.1);</li>
 * <li>PAUSE/RESUME/REMOVE/INSTALL/CMD/VERBOSE/LOGCYCLE with lemsctl from both nodes (16);</li>
 * <li>a program check that hangs does not hold up a fast one (24: checks run on their own threads);</li>
 * <li>a killed Lems JVM is restarted by cldaemon and the application is untouched (21.2.5);</li>
 * <li>a broken lems.local.xml is refused by lems --check naming the element (9.3);</li>
 * <li>more kills than procmon's restarts fail the application over to serverb; servera leaves its valid nodes;
 * SETVALIDNODES and clrunapp --reset make it valid again (17.2, 21.2.6).</li>
 * </ol>
 */
@Tag("lab")
@Timeout(value = 1500, unit = TimeUnit.SECONDS)
class LemsScenariosLabTest {

    private static final Duration TEN = Duration.ofSeconds(10);
    private static final Duration THIRTY = Duration.ofSeconds(30);
    /** A "Reset at" of clstat: dd/mm/yyyy hh:mm:ss. */
    private static final Pattern RESTARTED_ONCE = Pattern.compile(
            "(?m)^httpd +Running +3 +1 +\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d$");

    @Test
    void lemsInTheRunningCluster() throws Exception {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root (namespaces, mounts, loop devices)");
        Halab.runWithNewLab(lab -> {
            SampleApplication app = new SampleApplication(lab);
            app.buildAndRun();
            procmonRestartsTheKilledWebServer(lab, app);
            aFlagFileStopsAndStartsTheMonitor(lab, app);
            lemsctlFromEitherNode(lab, app);
            aHangingCheckDoesNotDelayAFastOne(lab, app);
            aKilledLemsIsRestartedAndTheApplicationIsUntouched(lab, app);
            aBrokenConfigurationIsRefusedByCheck(lab, app);
            tooManyRestartsFailOverAndTheValidNodesAreReset(lab, app);
        });
    }

    private static void procmonRestartsTheKilledWebServer(Halab lab, SampleApplication app) {
        String before = app.httpdPid("servera");
        lab.must("servera", "pkill -KILL -u nobody -f '" + SampleApplication.HTTPD + "'");
        await(THIRTY, () -> {
            String now = app.httpdPid("servera");
            return !now.isEmpty() && !now.equals(before);
        }, () -> "procmon restarted httpd; procmon log:\n"
                + lab.exec("servera", "cat", "/var/log/cluster/procmon-apache-httpd.log").out());
        await(TEN, () -> RESTARTED_ONCE.matcher(app.clstatApp("servera")).find(),
                () -> "clstat -A apache on servera shows one restart and its reset time:\n" + app.clstatApp("servera"));
        String fromB = app.clstatApp("serverb");
        assertTrue(RESTARTED_ONCE.matcher(fromB).find(), "clstat on serverb asks servera's Lems:\n" + fromB);
        assertTrue(fromB.lines().anyMatch(l -> l.matches("Flag Check +flag_check +Running")), fromB);
        await(TEN, () -> app.page().equals(PAGE), () -> "the client gets the page again: " + app.page());
    }

    private static void aFlagFileStopsAndStartsTheMonitor(Halab lab, SampleApplication app) {
        lab.must("servera", "mkdir -p " + APP_DIR + "/flags && touch " + APP_DIR + "/flags/httpd");
        await(TEN, () -> app.clstatApp("servera").lines().anyMatch(l -> l.matches("httpd +Stopped +3 .*")),
                () -> "the flag stops httpd:\n" + app.clstatApp("servera") + app.lemsLog("servera"));
        assertTrue(app.lemsctl("serverb", "GET_STAT httpd").out().startsWith("httpd,0,1,"), "stopped: nextrun 0");
        lab.must("servera", "rm " + APP_DIR + "/flags/httpd");
        await(TEN, () -> app.clstatApp("servera").lines().anyMatch(l -> l.matches("httpd +Running +3 .*")),
                () -> "removing the flag starts httpd again:\n" + app.clstatApp("servera"));
    }

    private static void lemsctlFromEitherNode(Halab lab, SampleApplication app) {
        assertEquals("httpd PAUSED", answer(app, "serverb", "PAUSE httpd"));
        assertTrue(answer(app, "servera", "GET_STAT httpd").startsWith("httpd,0,"), "paused from serverb");
        assertEquals("httpd RESUMED (in 1 secs)", answer(app, "servera", "RESUME httpd"));
        await(TEN, () -> !answer(app, "serverb", "GET_STAT httpd").startsWith("httpd,0,"), () -> "resumed");

        assertEquals("OK", answer(app, "servera", "PAUSE"));
        assertTrue(answer(app, "serverb", "GET_STAT").lines().allMatch(l -> l.matches("[a-z_]+,0,.*")),
                "PAUSE stops every check: " + answer(app, "serverb", "GET_STAT"));
        assertEquals("OK", answer(app, "serverb", "RESUME"));
        await(TEN, () -> answer(app, "servera", "GET_STAT").lines().noneMatch(l -> l.matches("[a-z_]+,0,.*")),
                () -> "RESUME starts them again: " + answer(app, "servera", "GET_STAT"));

        assertEquals("flag_check REMOVED", answer(app, "serverb", "REMOVE flag_check"));
        assertFalse(answer(app, "servera", "GET_STAT").contains("flag_check,"), "removed");
        assertTrue(app.clstatApp("serverb").contains("General Monitors\n\n(none)"), app.clstatApp("serverb"));
        assertEquals("OK", answer(app, "servera", "INSTALL flag_check"));
        assertTrue(answer(app, "serverb", "GET_STAT flag_check").startsWith("flag_check,"), "installed again");
        Halab.Result twice = app.lemsctl("serverb", "INSTALL flag_check");
        assertEquals(1, twice.exitCode(), "a second INSTALL fails: " + twice);
        assertTrue(twice.out().startsWith("FAIL"), twice.toString());

        assertTrue(answer(app, "serverb", "CMD httpd RESET").startsWith("OK"), "procmon's RESET");
        assertTrue(answer(app, "servera", "GET_VSTAT httpd").lines().anyMatch(l -> l.equals("3,0,0")),
                "the restart count is back to 0: " + answer(app, "servera", "GET_VSTAT httpd"));
        assertEquals("NOT_IMP", answer(app, "servera", "CMD flag_check RESET"));

        assertEquals("OK", answer(app, "serverb", "VERBOSE ON"));
        // with INFO lines on, a flag is logged as in Reference 11.6
        lab.must("servera", "touch " + APP_DIR + "/flags/httpd");
        await(TEN, () -> app.lemsLog("servera").contains("Monitor flag_check returned: 1 => [STOP httpd;]")
                && app.lemsLog("servera").contains("Check httpd has been stopped, (RC=1)"),
                () -> "VERBOSE ON writes the INFO lines of 11.6:\n" + app.lemsLog("servera"));
        lab.must("servera", "rm " + APP_DIR + "/flags/httpd");
        await(TEN, () -> app.lemsLog("servera").contains("Monitor flag_check returned: 1 => [START httpd;]"),
                () -> "and the flag's removal:\n" + app.lemsLog("servera"));
        assertEquals("OK", answer(app, "serverb", "LOGCYCLE 2"));
        await(TEN, () -> lab.exec("servera", "test", "-f", SampleApplication.LEMS_LOG + ".000").ok(),
                () -> "LOGCYCLE leaves lems-apache.log.000: " + lab.exec("servera", "ls", "/var/log/cluster/lems")
                        .out());
        assertEquals("OK", answer(app, "servera", "VERBOSE OFF"));
        Halab.Result unknown = app.lemsctl("serverb", "PAUSE nosuch");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.out().contains("no monitor named nosuch"), unknown.toString());
    }

    /** A program check sleeping 30 s every run beside one that logs its runs, both every second. */
    private static void aHangingCheckDoesNotDelayAFastOne(Halab lab, SampleApplication app) {
        lab.put("servera", APP_DIR + "/test/sleeper", "#!/bin/sh\nsleep 30\nexit 0\n", "755");
        lab.put("servera", APP_DIR + "/test/counter", "#!/bin/sh\ndate +%s.%N >> /tmp/fast.runs\nexit 0\n", "755");
        String withChecks = LEMS_LOCAL.replace("</lems_config>", program("slow", "sleeper")
                + program("fast", "counter") + "</lems_config>");
        lab.put("servera", APP_DIR + "/lems.local.xml", withChecks, "644");
        assertEquals("OK", answer(app, "servera", "INSTALL slow"));
        await(TEN, () -> lab.exec("servera", "pgrep", "-f", APP_DIR + "/test/sleeper").ok(), () -> "slow runs");
        assertEquals("OK", answer(app, "serverb", "INSTALL fast"));
        // 12 s while the slow check hangs: at interval 1 about 12 runs; 6 is a generous lower bound
        int first = runs(lab);
        long started = System.nanoTime();
        await(Duration.ofSeconds(12), () -> runs(lab) >= first + 6, () -> "the fast check ran only "
                + (runs(lab) - first) + " times in 12 s beside the hanging one");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("fast check: 6 runs in %.1f s beside a hanging check%n", seconds);
        assertTrue(app.clstatApp("servera").lines().anyMatch(l -> l.matches("Program +slow +Running")),
                app.clstatApp("servera"));
        assertEquals("slow REMOVED", answer(app, "servera", "REMOVE slow"));
        assertEquals("fast REMOVED", answer(app, "serverb", "REMOVE fast"));
        lab.put("servera", APP_DIR + "/lems.local.xml", LEMS_LOCAL, "644");
    }

    private static String program(String name, String program) {
        return "  <check>\n    <name>" + name + "</name>\n    <type>program</type>\n    <module>" + APP_DIR
                + "/test/" + program + "</module>\n    <interval>1</interval>\n    <action_list>\n"
                + "      <action rc=\"0\" action=\"NOP\"/>\n    </action_list>\n  </check>\n";
    }

    private static int runs(Halab lab) {
        String out = lab.sh("servera", "test -f /tmp/fast.runs && wc -l < /tmp/fast.runs || echo 0").out().strip();
        return Integer.parseInt(out);
    }

    private static void aKilledLemsIsRestartedAndTheApplicationIsUntouched(Halab lab, SampleApplication app) {
        String lems = app.lemsPid("servera");
        String httpd = app.httpdPid("servera");
        assertFalse(lems.isEmpty(), "Lems runs");
        lab.must("servera", "kill -KILL " + lems);
        await(THIRTY, () -> {
            String now = app.lemsPid("servera");
            return !now.isEmpty() && !now.equals(lems) && app.lemsctl("servera", "GET_STAT").ok();
        }, () -> "cldaemon restarts the Lems:\n" + lab.exec("servera", "tail", "-20",
                "/var/log/cluster/cldaemon-cluster1.log").out());
        assertEquals(httpd, app.httpdPid("servera"), "the web server was not restarted");
        assertTrue(app.holdsServiceAddress("servera"), "servera keeps the service address");
        assertTrue(row(app, "serverb").startsWith("apache servera STARTED"), app.clstat("serverb"));
        assertEquals(PAGE, app.page());
        await(TEN, () -> row(app, "servera").matches("apache servera STARTED \\S+ Running .*"),
                () -> "Monitor Running again:\n" + app.clstat("servera"));
    }

    private static void aBrokenConfigurationIsRefusedByCheck(Halab lab, SampleApplication app) {
        lab.put("servera", "/root/broken.xml", LEMS_LOCAL.replace("8800", "8811")
                .replace("<interval>1</interval>\n    <action_list>\n      <action rc=\"0\" action=\"NOP\"/>\n"
                        + "      <action rc=\"1\" action=\"STOP\"/>", "<interval>soon</interval>\n"
                        + "    <action_list>\n      <action rc=\"0\" action=\"NOP\"/>\n"
                        + "      <action rc=\"1\" action=\"STOP\"/>"), "644");
        Halab.Result bad = lab.exec("servera", "lems", "-A", "apache", "--check", "--config", "/root/broken.xml");
        assertEquals(3, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("/root/broken.xml: <check[httpd]><interval>: value \"soon\""), bad.toString());
        lab.put("servera", "/root/broken.xml", LEMS_LOCAL.replace("8800", "8811")
                .replace("<module>flag_check apache</module>", "<module>flag_chek apache</module>"), "644");
        Halab.Result unknown = lab.exec("servera", "lems", "-A", "apache", "--check", "--config", "/root/broken.xml");
        assertEquals(3, unknown.exitCode(), unknown.toString());
        String all = unknown.out() + unknown.err();
        assertTrue(all.contains("/root/broken.xml: <check[flag_check]><module>: check flag_check uses module "
                + "flag_chek, which Lems does not know"), unknown.toString());
    }

    private static void tooManyRestartsFailOverAndTheValidNodesAreReset(Halab lab, SampleApplication app) {
        assertEquals("OK servera,serverb", app.cldaemonctl("servera", "GETVALIDNODES app=apache"));
        // procmon allows 3 restarts: the fourth time the web server is found dead it asks for a fail-over
        for (int kill = 1; kill <= 6 && !row(app, "serverb").startsWith("apache serverb"); kill++) {
            String before = app.httpdPid("servera");
            lab.sh("servera", "pkill -KILL -u nobody -f '" + SampleApplication.HTTPD + "'");
            Halab.until(THIRTY, () -> {
                String now = app.httpdPid("servera");
                return (!now.isEmpty() && !now.equals(before)) || row(app, "serverb").startsWith("apache serverb");
            });
        }
        await(Duration.ofSeconds(60), () -> row(app, "serverb").startsWith("apache serverb STARTED"),
                () -> "apache fails over to serverb:\n" + app.clstat("serverb") + lab.exec("servera", "tail", "-20",
                        "/var/log/cluster/cldaemon-cluster1.log").out());
        assertEquals("OK serverb", app.cldaemonctl("servera", "GETVALIDNODES app=apache"));
        assertEquals("OK serverb", app.cldaemonctl("serverb", "GETVALIDNODES app=apache"));
        assertTrue(row(app, "servera").matches("apache serverb STARTED \\S+ \\S+ 0 No"), app.clstat("servera"));
        await(THIRTY, () -> app.page().equals(PAGE), () -> "the page from serverb: " + app.page());
        await(THIRTY, () -> !app.lemsPid("serverb").isEmpty() && app.httpdPid("servera").isEmpty(),
                () -> "Lems on serverb, no web server left on servera");

        // 17.2: SETVALIDNODES from either node, forwarded
        assertEquals("OK", app.cldaemonctl("serverb", "SETVALIDNODES app=apache forward=yes"));
        assertEquals("OK servera,serverb", app.cldaemonctl("servera", "GETVALIDNODES app=apache"));
        assertTrue(row(app, "servera").matches("apache serverb STARTED \\S+ \\S+ 0 Yes"), app.clstat("servera"));

        // and clrunapp --reset: a second software fail-over is undone when the application is started again
        assertEquals("OK", app.cldaemonctl("servera", "SETVALIDNODES app=apache nodes=serverb forward=yes"));
        slow(lab, Duration.ofMinutes(2), "serverb", "clhaltapp -A apache");
        await(THIRTY, () -> row(app, "servera").startsWith("apache N/A DOWN"), () -> app.clstat("servera"));
        String run = slow(lab, Duration.ofMinutes(2), "servera", "clrunapp -A apache --reset --node servera").out();
        assertTrue(run.contains("Application apache will be started on node servera"), run);
        assertEquals("OK servera,serverb", app.cldaemonctl("serverb", "GETVALIDNODES app=apache"));
        await(THIRTY, () -> row(app, "serverb").startsWith("apache servera STARTED"), () -> app.clstat("serverb"));
        await(THIRTY, () -> app.page().equals(PAGE), () -> "the page from servera again: " + app.page());
    }

    /** clstat's row of apache on the node, columns separated by one space. */
    private static String row(SampleApplication app, String node) {
        return app.clstat(node).lines().filter(l -> l.startsWith("apache ")).findFirst().orElse("")
                .replaceAll(" +", " ");
    }

    private static String answer(SampleApplication app, String node, String message) {
        Halab.Result r = app.lemsctl(node, message);
        return (r.out().isEmpty() ? r.err() : r.out()).strip();
    }
}

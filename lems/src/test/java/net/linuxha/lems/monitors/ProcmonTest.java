package net.linuxha.lems.monitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.support.MutableClock;
import net.linuxha.lems.support.TestContexts;
import net.linuxha.lems.support.TestPrograms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * procmon over a /proc-shaped temporary tree, with a real restart script that "starts" the process by writing its
 * /proc entry, a test clock for the reset window, and its CMD RESET / MAXCOUNT commands.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcmonTest {

    @TempDir
    Path root;

    private final MutableClock clock = MutableClock.at(1_077_548_145);
    private final TestPrograms programs = new TestPrograms();
    private Path proc;

    @BeforeEach
    void setUp() throws Exception {
        proc = root.resolve("proc");
        Files.createDirectories(proc);
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("meminfo"), "MemTotal: 1 kB\n");
    }

    private void process(int pid, int uid, String name, String... argv) throws Exception {
        Path dir = proc.resolve(Integer.toString(pid));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("status"), "Name:\t" + name + "\nUmask:\t0022\nState:\tS (sleeping)\n"
                + "Uid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\n");
        Files.write(dir.resolve("cmdline"), argv.length == 0 ? new byte[0]
                : (String.join("\0", argv) + "\0").getBytes(StandardCharsets.UTF_8));
    }

    /** A restart script that brings back httpd as pid 300 when {@code revives}. */
    private Path restartScript(boolean revives) throws Exception {
        Path script = root.resolve("restart");
        String body = "#!/bin/sh\necho \"Error: Unable to find process to kill\"\n";
        if (revives) {
            body += "mkdir -p " + proc + "/300\nprintf 'Name:\\thttpd\\nUid:\\t65534\\t65534\\t65534\\t65534\\n' > "
                    + proc + "/300/status\nprintf '/usr/sbin/httpd\\0-DFOREGROUND\\0' > " + proc + "/300/cmdline\n";
        }
        Files.writeString(script, body);
        assertTrue(script.toFile().setExecutable(true));
        return script;
    }

    private Monitor procmon(int restarts, Path restartCmd, String processXml) throws Exception {
        Path config = root.resolve("httpd.xml");
        Files.writeString(config, "<?xml version=\"1.0\"?>\n<procmon>\n  <global>\n"
                + "    <logdir>" + root.resolve("var/log/cluster") + "</logdir>\n"
                + "    <restarts>" + restarts + "</restarts>\n    <resetwindow>3600</resetwindow>\n"
                + (restartCmd == null ? "" : "    <restartcmd>" + restartCmd + " restart</restartcmd>\n")
                + "  </global>\n" + processXml + "</procmon>\n");
        return new Procmon.Factory().create(List.of(config.toString()),
                TestContexts.context(root, "httpd", clock, programs));
    }

    private static String webServer(String user, int min, int max) {
        return "  <process>\n    <label>Web Server</label>\n" + (user == null ? "" : "    <user>" + user + "</user>\n")
                + "    <process_string>httpd</process_string>\n    <min_count>" + min + "</min_count>\n"
                + "    <max_count>" + max + "</max_count>\n  </process>\n";
    }

    @Test
    void runningProcessesWithinBoundsGiveZero() throws Exception {
        process(100, 65534, "httpd", "/usr/sbin/httpd", "-DFOREGROUND");
        process(101, 65534, "httpd", "/usr/sbin/httpd", "-DFOREGROUND");
        process(2, 0, "kthreadd");
        Monitor procmon = procmon(3, restartScript(true), webServer("nobody", 1, 10));
        assertEquals(CheckResult.of(0), procmon.check());
        assertEquals("3,0,0\nWeb Server,2,1,10", procmon.detail());
    }

    @Test
    void aMissingProcessIsRestartedAndTheRestartCounted() throws Exception {
        Monitor procmon = procmon(3, restartScript(true), webServer("nobody", 1, 10));
        assertEquals(0, procmon.check().returnCode(), "restarted, so no fail-over yet");
        assertEquals(new ProcmonDetail(3, 1, Optional.of(clock.instant().plusSeconds(3600))),
                ProcmonDetail.parse(procmon.detail()));
        assertTrue(Files.isDirectory(proc.resolve("300")), "the restart command really ran");
        assertEquals(CheckResult.of(0), procmon.check(), "the restarted process is found");
        String log = Files.readString(root.resolve("var/log/cluster/procmon-apache-httpd.log"));
        assertTrue(log.contains("Restarting the application (" + root.resolve("restart") + " restart) ..."), log);
        assertTrue(log.contains("Error: Unable to find process to kill"), log);
    }

    @Test
    void whenRestartsAreUsedUpItAsksForFailover() throws Exception {
        Monitor procmon = procmon(2, restartScript(false), webServer("nobody", 1, 10));
        assertEquals(0, procmon.check().returnCode());
        assertEquals(0, procmon.check().returnCode());
        assertEquals(CheckResult.of(2, "Web Server"), procmon.check());
        assertEquals(2, ProcmonDetail.parse(procmon.detail()).current());
    }

    @Test
    void theRestartCountGoesBackToZeroAfterTheResetWindow() throws Exception {
        Monitor procmon = procmon(1, restartScript(false), webServer("nobody", 1, 10));
        assertEquals(0, procmon.check().returnCode());
        clock.advance(Duration.ofSeconds(3599));
        assertEquals(2, procmon.check().returnCode(), "still within the window");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, procmon.check().returnCode(), "window passed: a restart is allowed again");
    }

    @Test
    void withoutARestartCommandAFaultMeansFailover() throws Exception {
        Monitor procmon = procmon(3, null, webServer("nobody", 1, 10));
        assertEquals(2, procmon.check().returnCode());
    }

    @Test
    void usersAndMaximumCountsAreHonoured() throws Exception {
        process(100, 0, "httpd", "/usr/sbin/httpd");
        Monitor forNobody = procmon(0, null, webServer("nobody", 1, 10));
        assertEquals(2, forNobody.check().returnCode(), "root's httpd does not count for nobody");
        Monitor anyUser = procmon(0, null, webServer(null, 1, 10));
        assertEquals(0, anyUser.check().returnCode(), "user defaults to '.', any user");
        process(101, 0, "httpd", "/usr/sbin/httpd");
        Monitor atMostOne = procmon(0, null, webServer(".", 0, 1));
        assertEquals(2, atMostOne.check().returnCode(), "two found, max_count 1");
    }

    @Test
    void resetAndMaxcountCommands() throws Exception {
        Monitor procmon = procmon(1, restartScript(false), webServer("nobody", 1, 10));
        procmon.check();
        assertEquals(2, procmon.check().returnCode());
        assertEquals("OK", procmon.accept("RESET").replyText());
        assertEquals("1,0,0", procmon.detail().lines().findFirst().orElseThrow());
        assertEquals("OK", procmon.accept("MAXCOUNT 5").replyText());
        assertEquals(5, ProcmonDetail.parse(procmon.detail()).restarts());
        assertTrue(procmon.accept("MAXCOUNT many").replyText().startsWith("FAIL MAXCOUNT needs a whole number"));
        assertTrue(procmon.accept("RESTART").replyText().startsWith("FAIL procmon accepts RESET or MAXCOUNT N"));
    }

    @Test
    void badConfigurationFilesAreRefusedNamingTheFileAndElementThroughTheOneProcmonParser() throws Exception {
        Path config = root.resolve("httpd.xml");
        record Bad(String xml, String expected) {
        }
        List<Bad> cases = List.of(
                new Bad("<procmon><global/>" + webServer(null, 1, 2) + "</procmon>", "<restarts>: is missing"),
                new Bad("<procmon><global><restarts>3</restarts></global></procmon>", "<process>"),
                new Bad("<procmon><global><restarts>x</restarts></global>" + webServer(null, 1, 2) + "</procmon>",
                        "<restarts>: value \"x\""),
                new Bad("<procmon><global><restarts>3</restarts></global><process><label>L</label>"
                        + "<process_string>(</process_string></process></procmon>", "<process_string>"),
                new Bad("<procmon><global><restarts>3</restarts></global>" + webServer(null, 5, 2) + "</procmon>",
                        "<max_count>"),
                new Bad("<other/>", "procmon"),
                new Bad("<procmon>", "XML"));
        for (Bad bad : cases) {
            Files.writeString(config, bad.xml());
            MonitorCreationException e = assertThrows(MonitorCreationException.class,
                    () -> new Procmon.Factory().create(List.of(config.toString()),
                            TestContexts.context(root, "httpd", clock, programs)));
            assertTrue(e.getMessage().contains(config.toString()) && e.getMessage().contains(bad.expected()),
                    e.getMessage());
        }
    }

    @Test
    void detailRoundTripsForClstat() {
        ProcmonDetail detail = new ProcmonDetail(3, 1, Optional.of(Instant.ofEpochSecond(1_077_555_300)));
        assertEquals("3,1,1077555300", detail.format());
        assertEquals(detail, ProcmonDetail.parse(detail.format() + "\nWeb Server,1,1,10"));
        assertEquals(Optional.empty(), ProcmonDetail.parse("3,0,0").resetAt());
    }
}

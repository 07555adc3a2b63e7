package net.linuxha.lems.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import net.linuxha.common.config.LemsCheck;
import net.linuxha.common.config.LemsConfig;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.log.LogDestination;
import net.linuxha.common.log.LogSetup;
import net.linuxha.common.wire.LemsRequest;
import net.linuxha.common.wire.ParseResult;
import net.linuxha.lems.ConfiguredMonitorSource;
import net.linuxha.lems.action.ActionExecutor;
import net.linuxha.lems.action.ExitReason;
import net.linuxha.lems.modules.MonitorRegistry;
import net.linuxha.lems.schedule.LemsEngine;
import net.linuxha.lems.support.Checks;
import net.linuxha.lems.support.MutableClock;
import net.linuxha.lems.support.RecordingClusterLink;
import net.linuxha.lems.support.TestContexts;
import net.linuxha.lems.support.TestPrograms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The reply texts of Reference 24.5 and 16.1-16.8, from an engine whose clock only the test moves. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LemsRequestHandlerTest {

    private static final long NOW = 1_118_279_821;

    @TempDir
    Path root;

    private final MutableClock clock = MutableClock.at(NOW);
    private final List<LemsCheck> onDisk = new ArrayList<>();
    private LemsEngine engine;
    private LemsRequestHandler handler;
    private LogControl logs;

    @BeforeEach
    void setUp() throws Exception {
        TestPrograms programs = new TestPrograms();
        var context = TestContexts.context(root, "any", clock, programs);
        MonitorRegistry registry = MonitorRegistry.load(getClass().getClassLoader());
        engine = new LemsEngine(clock, control -> new ActionExecutor("apache", control, new RecordingClusterLink(),
                programs, root, root));
        onDisk.add(check("httpd", 10, "echo_check 0"));
        onDisk.add(check("flag_check", 5, "flag_check apache"));
        onDisk.add(check("move_ip", 0, "echo_check 0"));
        onDisk.add(Checks.of("ip", LemsCheck.Type.INTERNAL, "echo_check 0", Duration.ofMillis(2500), 0, "NOP"));
        for (LemsCheck check : onDisk) {
            engine.add(check, registry.create(check, context));
        }
        ConfiguredMonitorSource source = new ConfiguredMonitorSource(
                () -> new LemsConfig(root, root, root, 8900, onDisk),
                () -> MonitorRegistry.load(getClass().getClassLoader()), context, "/etc/cluster/apache/lems.local.xml");
        logs = LogSetup.to(new LogDestination.LogFile(root.resolve("lems-apache.log"))).verbose(true)
                .install(new LoggerContext());
        handler = new LemsRequestHandler(engine, source, Optional.of(logs));
    }

    @AfterEach
    void tearDown() {
        engine.close();
        logs.close();
    }

    private static LemsCheck check(String name, int interval, String module) {
        return Checks.of(name, LemsCheck.Type.INTERNAL, module, Duration.ofSeconds(interval), 0, "NOP", 1, "%RCDATA%");
    }

    /** The answer to a request line, read with the wire's vocabulary as the daemon's server reads it. */
    private String answer(String line) {
        ParseResult<LemsRequest> parsed = LemsRequest.VOCABULARY.parse(line);
        if (parsed instanceof ParseResult.Failed<LemsRequest> failed) {
            return failed.error().toReply().text();
        }
        return handler.handle(((ParseResult.Parsed<LemsRequest>) parsed).request()).text();
    }

    @Test
    void getStatListsEveryMonitorWithNextRunIntervalAndCommand() {
        assertEquals("httpd," + (NOW + 10) + ",10,echo_check 0\n"
                + "flag_check," + (NOW + 5) + ",5,flag_check apache\n"
                + "move_ip,0,0,echo_check 0\n"
                + "ip," + (NOW + 2) + ",2.5,echo_check 0", answer("GET_STAT"));
        assertEquals("httpd," + (NOW + 10) + ",10,echo_check 0", answer("GET_STAT httpd"));
        assertTrue(answer("GET_STAT nosuch").startsWith("FAIL no monitor named nosuch is running "
                + "(monitors: httpd, flag_check, move_ip, ip)"));
    }

    @Test
    void getVstatAddsEachMonitorsDetailBetweenMarkers() {
        answer("CMD httpd hello");
        assertEquals("httpd," + (NOW + 10) + ",10,echo_check 0\n<monitor-detail-start>\necho 0\nsaid hello\n"
                + "<monitor-detail-end>", answer("GET_VSTAT httpd"));
        assertEquals("flag_check," + (NOW + 5) + ",5,flag_check apache\n<monitor-detail-start>\n"
                + "<monitor-detail-end>", answer("get_vstat flag_check"));
        assertEquals(4, answer("GET_VSTAT").split("<monitor-detail-end>", -1).length - 1);
    }

    @Test
    void cmdPassesTextToTheMonitorAndRelaysItsAnswer() {
        // The wire reads the text as words, so inner spacing is not kept.
        assertEquals("OK heard RESET now", answer("CMD httpd RESET  now"));
        assertEquals("FAIL asked to fail", answer("CMD httpd FAIL"));
        assertEquals("NOT_IMP", answer("CMD flag_check RESET"));
        assertTrue(answer("CMD nosuch RESET").startsWith("FAIL no monitor named nosuch"));
        assertTrue(answer("CMD httpd").startsWith("FAIL CMD needs a monitor name and the text"));
    }

    @Test
    void pauseAndResumeAnswerAsTheReferenceShows() {
        assertEquals("OK", answer("PAUSE"));
        assertTrue(engine.statuses().stream().allMatch(s -> s.nextRun().isEmpty()));
        assertEquals("OK", answer("RESUME"));
        assertTrue(engine.status("httpd").orElseThrow().nextRun().isPresent());

        assertEquals("httpd PAUSED", answer("PAUSE httpd"));
        assertEquals(Optional.empty(), engine.status("httpd").orElseThrow().nextRun());
        clock.advance(Duration.ofSeconds(7));
        assertEquals("httpd RESUMED (in 10 secs)", answer("RESUME httpd"));
        assertEquals(Optional.of(clock.instant().plusSeconds(10)), engine.status("httpd").orElseThrow().nextRun());
        assertEquals("ip RESUMED (in 2.5 secs)", answer("RESUME ip"));
        assertTrue(answer("PAUSE nosuch").startsWith("FAIL no monitor named nosuch"));
    }

    @Test
    void removeThenInstallReloadsAMonitorFromTheConfiguration() {
        assertEquals("flag_check REMOVED", answer("REMOVE flag_check"));
        assertFalse(engine.status("flag_check").isPresent());
        assertTrue(answer("REMOVE flag_check").startsWith("FAIL no monitor named flag_check"));

        assertEquals("OK", answer("INSTALL flag_check"));
        assertEquals(Optional.of(clock.instant().plusSeconds(5)),
                engine.status("flag_check").orElseThrow().nextRun());
        assertEquals("FAIL monitor flag_check is already installed; REMOVE flag_check first to load it again",
                answer("INSTALL flag_check"));
        assertEquals("FAIL no check named extra in /etc/cluster/apache/lems.local.xml; add its check element there "
                + "first", answer("INSTALL extra"));
        onDisk.add(check("broken", 5, "no_such_module"));
        assertTrue(answer("INSTALL broken").startsWith("FAIL check broken uses module no_such_module"));
    }

    @Test
    void abortEndsSchedulingAndAnswersOk() throws Exception {
        engine.start();
        assertEquals("OK", answer("ABORT"));
        assertEquals(Optional.of(ExitReason.ABORT_REQUEST), engine.awaitExit(Duration.ofSeconds(10)));
    }

    @Test
    void verboseAndLogcycleControlTheLog() throws Exception {
        assertEquals("OK", answer("VERBOSE OFF"));
        assertFalse(logs.isVerbose());
        assertEquals("OK", answer("VERBOSE ON"));
        assertTrue(logs.isVerbose());
        assertEquals("OK", answer("LOGCYCLE 5"));
        assertTrue(Files.exists(root.resolve("lems-apache.log.000")));
        assertTrue(answer("LOGCYCLE 0").startsWith("ERROR"), "the wire refuses a count outside 1-99");
        assertTrue(answer("VERBOSE maybe").startsWith("ERROR"), "the wire refuses anything but ON or OFF");
    }

    @Test
    void requestsOutsideTheVocabularyAreRefusedByTheWireWithTheForm() {
        assertTrue(answer("HELLO").startsWith("ERROR"), answer("HELLO"));
        assertTrue(answer("REMOVE").startsWith("MISSING_ARG"), answer("REMOVE"));
        assertTrue(answer("REMOVE").contains("REMOVE monitor"), answer("REMOVE"));
    }
}

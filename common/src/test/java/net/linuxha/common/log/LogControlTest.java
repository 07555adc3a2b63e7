package net.linuxha.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import net.linuxha.common.testing.Wait;

/** Logging set up in code, VERBOSE toggling and LOGCYCLE on a real log file while threads keep logging. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LogControlTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2005-06-07T06:24:21Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void stopLogging() {
        context.stop();
    }

    @Test
    void writesReferenceLinesToTheFileAndCreatesItsDirectory() throws IOException {
        Path log = dir.resolve("var/log/cluster/cldaemon-c1.log");
        LogControl control = LogSetup.to(new LogDestination.LogFile(log)).verbose(true).clock(CLOCK)
                .install(context);
        Logger logger = context.getLogger("net.linuxha.cluster.Daemon");

        logger.info("Global section configuration validation complete");
        logger.error("Unable to read from lock daemon.");

        assertEquals(List.of("INFO 07/06/2005 06:24:21 Global section configuration validation complete",
                "ERROR 07/06/2005 06:24:21 Unable to read from lock daemon."), Files.readAllLines(log));
        assertEquals(log, control.logFile().orElseThrow());
    }

    @Test
    void verboseOffKeepsWarningsAndErrorsOnlyAndOnBringsInfoBack() throws IOException {
        Path log = dir.resolve("app.log");
        LogControl control = LogSetup.to(new LogDestination.LogFile(log)).verbose(true).debug(false).clock(CLOCK)
                .install(context);
        Logger logger = context.getLogger("x");

        logger.info("one");
        control.setVerbose(false);
        assertFalse(control.isVerbose());
        logger.info("hidden");
        logger.debug("hidden debug");
        logger.warn("two");
        logger.error("three");
        control.setVerbose(true);
        assertTrue(control.isVerbose());
        logger.info("four");
        logger.debug("debug is not part of verbose unless asked for");

        assertEquals(List.of("INFO 07/06/2005 06:24:21 one", "WARN 07/06/2005 06:24:21 two",
                "ERROR 07/06/2005 06:24:21 three", "INFO 07/06/2005 06:24:21 four"), Files.readAllLines(log));
    }

    @Test
    void debugLinesAppearOnlyWhenDebuggingWasAskedForAndVerboseIsOn() throws IOException {
        Path log = dir.resolve("app.log");
        LogControl control = LogSetup.to(new LogDestination.LogFile(log)).verbose(true).debug(true).clock(CLOCK)
                .install(context);
        Logger logger = context.getLogger("x");

        logger.debug("detail");
        control.setVerbose(false);
        logger.debug("hidden");
        control.setVerbose(true);
        assertEquals(Verbosity.DEBUG, control.verbosity());
        logger.debug("detail again");

        assertEquals(List.of("DEBUG 07/06/2005 06:24:21 detail", "DEBUG 07/06/2005 06:24:21 detail again"),
                Files.readAllLines(log));
    }

    @Test
    void quietByDefault() throws IOException {
        Path log = dir.resolve("app.log");
        LogControl control = LogSetup.to(new LogDestination.LogFile(log)).debug(false).clock(CLOCK)
                .install(context);
        context.getLogger("x").info("not verbose");
        context.getLogger("x").warn("a warning");
        assertFalse(control.isVerbose());
        assertEquals(List.of("WARN 07/06/2005 06:24:21 a warning"), Files.readAllLines(log));
    }

    @Test
    void cycleMovesTheLogAsideAndLoggingContinuesInAFreshFile() throws IOException {
        Path log = dir.resolve("cldaemon-c1.log");
        LogControl control = LogSetup.to(new LogDestination.LogFile(log)).verbose(true).clock(CLOCK)
                .install(context);
        Logger logger = context.getLogger("x");

        logger.info("before first cycle");
        assertEquals(List.of(dir.resolve("cldaemon-c1.log.000")), control.cycle(3));
        logger.info("after first cycle");
        assertEquals(List.of(dir.resolve("cldaemon-c1.log.000"), dir.resolve("cldaemon-c1.log.001")),
                control.cycle(3));
        logger.info("after second cycle");

        assertEquals(List.of("INFO 07/06/2005 06:24:21 after second cycle"), Files.readAllLines(log));
        assertEquals(List.of("INFO 07/06/2005 06:24:21 after first cycle"),
                Files.readAllLines(dir.resolve("cldaemon-c1.log.000")));
        assertEquals(List.of("INFO 07/06/2005 06:24:21 before first cycle"),
                Files.readAllLines(dir.resolve("cldaemon-c1.log.001")));
    }

    @Test
    void cycleWhileThreadsLogLosesAndSplitsNothing() throws Exception {
        Path log = dir.resolve("lems-apache.log");
        LogControl control = LogSetup.to(new LogDestination.LogFile(log)).verbose(true).install(context);
        Logger logger = context.getLogger("x");
        int threads = 4;
        int linesEach = 3000;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread writer = new Thread(() -> {
                for (int n = 0; n < linesEach; n++) {
                    logger.info("writer {} line {} {}", id, n, "x".repeat(n % 200));
                }
            }, "writer-" + t);
            writers.add(writer);
        }
        writers.forEach(Thread::start);
        waitUntil(() -> size(log) > 0);
        int cycles = 0;
        while (cycles < 60 && writers.stream().anyMatch(Thread::isAlive)) {
            control.cycle(99);
            cycles++;
            waitUntil(() -> size(log) > 0 || writers.stream().noneMatch(Thread::isAlive));
        }
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(writer.isAlive(), writer.getName() + " did not finish");
        }
        assertTrue(cycles >= 2, "the test must cycle while writers are logging, cycled " + cycles + " times");

        // Read oldest copy first: each writer's lines must then be complete and in order.
        List<Path> files = new ArrayList<>();
        for (int i = cycles - 1; i >= 0; i--) {
            files.add(LogCycler.copyName(log, i, ""));
        }
        files.add(log);
        Pattern line = Pattern.compile("INFO \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d writer (\\d) line (\\d+) (x*)");
        int[] next = new int[threads];
        for (Path file : files) {
            for (String text : Files.readAllLines(file)) {
                Matcher m = line.matcher(text);
                assertTrue(m.matches(), "split or garbled line in " + file.getFileName() + ": " + text);
                int writer = Integer.parseInt(m.group(1));
                int n = Integer.parseInt(m.group(2));
                assertEquals(next[writer], n, "writer " + writer + " line order in " + file.getFileName());
                assertEquals(n % 200, m.group(3).length(), "line content");
                next[writer]++;
            }
        }
        for (int t = 0; t < threads; t++) {
            assertEquals(linesEach, next[t], "lines of writer " + t);
        }
    }

    @Test
    void terminalDestinationWritesToTheGivenWriterAndCannotCycle() throws IOException {
        StringWriter out = new StringWriter();
        LogControl control = LogSetup.to(new LogDestination.Terminal(new PrintWriter(out))).verbose(true)
                .clock(CLOCK).install(context);
        context.getLogger("x").info("Started local server on port 9900");

        assertEquals("INFO 07/06/2005 06:24:21 Started local server on port 9900\n", out.toString());
        assertTrue(control.logFile().isEmpty());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> control.cycle(3));
        assertTrue(refused.getMessage().contains("terminal"), refused.getMessage());
        context.stop();
        assertEquals("INFO 07/06/2005 06:24:21 Started local server on port 9900\n", out.toString());
    }

    @Test
    void errorsAreAlsoShownOnStandardErrorWhenLoggingToAFile() throws IOException {
        Path log = dir.resolve("clstart.apache.log");
        StringWriter err = new StringWriter();
        LogSetup.to(new LogDestination.LogFile(log)).verbose(true).clock(CLOCK)
                .alsoTo(new PrintWriter(err), Level.ERROR).install(context);
        Logger logger = context.getLogger("x");
        logger.info("Verified that application apache is registered.");
        logger.error("Application apache failed to start.");

        assertEquals("ERROR 07/06/2005 06:24:21 Application apache failed to start.\n", err.toString());
        assertEquals(2, Files.readAllLines(log).size());
    }

    @Test
    void aLogFileThatCannotBeOpenedIsNamedInTheError() throws IOException {
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "a file where a directory should be");
        Path log = blocker.resolve("cldaemon-c1.log");
        IOException failure = assertThrows(IOException.class,
                () -> LogSetup.to(new LogDestination.LogFile(log)).install(context));
        assertTrue(failure.getMessage().contains(log.toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("--file"), failure.getMessage());
    }

    @Test
    void installingAgainReplacesTheEarlierDestination() throws IOException {
        Path first = dir.resolve("first.log");
        Path second = dir.resolve("second.log");
        LogSetup.to(new LogDestination.LogFile(first)).verbose(true).clock(CLOCK).install(context);
        context.getLogger("x").info("to first");
        LogSetup.to(new LogDestination.LogFile(second)).verbose(true).clock(CLOCK).install(context);
        context.getLogger("x").info("to second");
        assertEquals(List.of("INFO 07/06/2005 06:24:21 to first"), Files.readAllLines(first));
        assertEquals(List.of("INFO 07/06/2005 06:24:21 to second"), Files.readAllLines(second));
    }

    /** Cycling must happen while the writers write: look every millisecond. */
    private static void waitUntil(BooleanSupplier condition) {
        Wait.assertWithin(Duration.ofSeconds(20), Duration.ofMillis(1), condition);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

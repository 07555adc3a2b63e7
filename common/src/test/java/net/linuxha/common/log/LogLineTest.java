package net.linuxha.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Reference's line format: {@code LEVEL dd/mm/yyyy hh:mm:ss text}, one space apart, every line prefixed. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LogLineTest {

    private static final Instant SAMPLE = Instant.parse("2005-07-08T05:04:19Z");

    @Test
    void formatsLikeTheReferenceSamples() {
        assertEquals("INFO 08/07/2005 05:04:19 Checking node section details\n",
                LogLine.format("INFO", SAMPLE, ZoneOffset.UTC, "Checking node section details"));
        assertEquals("ERROR 08/07/2005 05:04:19 Cluster md10cluster is not running.\n",
                LogLine.format("ERROR", SAMPLE, ZoneOffset.UTC, "Cluster md10cluster is not running."));
        assertEquals("WARN 08/07/2005 05:04:19 No validated build for samba - not registering with cluster.\n",
                LogLine.format("WARN", SAMPLE, ZoneOffset.UTC,
                        "No validated build for samba - not registering with cluster."));
    }

    @Test
    void stampIsInTheGivenZoneWithZeroPaddedFields() {
        Instant earlyMorning = Instant.parse("2004-03-01T01:02:03Z");
        assertEquals("01/03/2004 01:02:03", LogLine.stamp(earlyMorning, ZoneOffset.UTC));
        // July in London is BST (UTC+1); the stamp is local time, as the original tools wrote it.
        assertEquals("08/07/2005 06:04:19", LogLine.stamp(SAMPLE, ZoneId.of("Europe/London")));
    }

    @Test
    void eachLineOfAMessageGetsItsOwnPrefixAndEmptyLinesHaveNoTrailingSpace() {
        String text = LogLine.format("ERROR", SAMPLE, ZoneOffset.UTC,
                "The cluster configuration file\r\n/etc/cluster/clconf.xml appears to have been changed\n\nend\n");
        assertEquals("ERROR 08/07/2005 05:04:19 The cluster configuration file\n"
                + "ERROR 08/07/2005 05:04:19 /etc/cluster/clconf.xml appears to have been changed\n"
                + "ERROR 08/07/2005 05:04:19\n"
                + "ERROR 08/07/2005 05:04:19 end\n", text);
        assertEquals("INFO 08/07/2005 05:04:19\n", LogLine.format("INFO", SAMPLE, ZoneOffset.UTC, ""));
    }

    @Test
    void layoutStampsWithItsClockAndWritesTheLevelWord() {
        Clock clock = Clock.fixed(SAMPLE, ZoneOffset.UTC);
        LogLineLayout layout = new LogLineLayout(clock);
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("test");
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.WARN, "Link {} is down", null,
                new Object[] {"eth1"});
        assertEquals("WARN 08/07/2005 05:04:19 Link eth1 is down\n", layout.doLayout(event));
    }

    @Test
    void exceptionLinesCarryThePrefixToo() {
        LogLineLayout layout = new LogLineLayout(Clock.fixed(SAMPLE, ZoneOffset.UTC));
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("test");
        Exception failure = new IllegalStateException("outer", new IOException("disk full"));
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.ERROR, "Write failed", failure, null);
        String text = layout.doLayout(event);
        String[] lines = text.split("\n");
        assertEquals("ERROR 08/07/2005 05:04:19 Write failed", lines[0]);
        assertEquals("ERROR 08/07/2005 05:04:19 java.lang.IllegalStateException: outer", lines[1]);
        assertTrue(text.contains("ERROR 08/07/2005 05:04:19 Caused by: java.io.IOException: disk full\n"), text);
        for (String line : lines) {
            assertTrue(line.startsWith("ERROR 08/07/2005 05:04:19 "), line);
        }
    }
}

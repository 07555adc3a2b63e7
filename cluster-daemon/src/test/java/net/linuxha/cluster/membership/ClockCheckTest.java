package net.linuxha.cluster.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves the 25.3 clock rule: over one minute warns, over ten minutes refuses, either direction. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ClockCheckTest {

    @ParameterizedTest(name = "peer {0} s apart -> {1}")
    @CsvSource({
        "0, IN_STEP", "60, IN_STEP", "-60, IN_STEP", "61, WARN", "-61, WARN", "600, WARN", "-600, WARN",
        "601, REFUSE", "-601, REFUSE", "86400, REFUSE"})
    void classifiesTheDifference(long peerOffsetSeconds, ClockCheck.Verdict expected) {
        Instant now = Instant.parse("2005-06-07T06:24:29Z");
        ClockCheck.Result r = ClockCheck.compare(now, now.plusSeconds(peerOffsetSeconds));
        assertEquals(expected, r.verdict());
        assertEquals(Duration.ofSeconds(Math.abs(peerOffsetSeconds)), r.difference());
    }
}

package net.linuxha.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** VERBOSE and LOGCYCLE arguments in the Lems form (16.8) and the cldaemonctl form (17.1.3). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LogRequestsTest {

    @Test
    void verboseInBothForms() {
        assertFalse(LogRequests.verbose(List.of("OFF")));
        assertTrue(LogRequests.verbose(List.of("ON")));
        assertFalse(LogRequests.verbose(List.of("off=true")));
        assertTrue(LogRequests.verbose(List.of("on=true", "forward=yes")));
    }

    @Test
    void verboseWithoutAChoiceOrWithBothIsRefused() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> LogRequests.verbose(List.of("forward=yes")));
        assertTrue(none.getMessage().contains("ON or OFF"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogRequests.verbose(List.of("on=true", "off=true")));
    }

    @Test
    void cycleCountInBothForms() {
        assertEquals(5, LogRequests.cycleCount(List.of("5")));
        assertEquals(3, LogRequests.cycleCount(List.of("count=3", "forward=yes")));
    }

    @Test
    void badCountsNameTheRange() {
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> LogRequests.cycleCount(List.of("count=many")));
        assertTrue(text.getMessage().contains("1 to 99"), text.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogRequests.cycleCount(List.of("100")));
        assertThrows(IllegalArgumentException.class, () -> LogRequests.cycleCount(List.of()));
    }

    @Test
    void cldaemonAnswers() {
        assertEquals("OK LOGGING=OFF", LogRequests.verboseAnswer(false));
        assertEquals("OK LOGGING=ON", LogRequests.verboseAnswer(true));
    }
}

package net.linuxha.cluster.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.app.ForceLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cluster daemon runs clstartapp and clhaltapp verbose, as clrunapp does (11.5), so that clstart.X.log records
 * every step of an automatic take-over; the force level is passed on.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ToolApplicationActionsTest {

    @Test
    void startIsVerboseWithTheForceLevel() {
        assertEquals(List.of("--application", "apache", "--verbose"),
                ToolApplicationActions.startArguments("apache", ForceLevel.NONE));
        assertEquals(List.of("--application", "apache", "--verbose", "--force"),
                ToolApplicationActions.startArguments("apache", ForceLevel.FORCE));
        assertEquals(List.of("--application", "apache", "--verbose", "--reallyforce"),
                ToolApplicationActions.startArguments("apache", ForceLevel.REALLY_FORCE));
    }

    @Test
    void stopIsVerbose() {
        assertEquals(List.of("--application", "apache", "--verbose"), ToolApplicationActions.stopArguments("apache"));
    }
}

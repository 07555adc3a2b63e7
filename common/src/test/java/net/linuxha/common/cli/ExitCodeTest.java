package net.linuxha.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exit codes are distinct, success is 0, and exceptions map to the code their kind calls for. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ExitCodeTest {

    @Test
    void codesAreDistinctAndSuccessIsZero() {
        assertEquals(0, ExitCode.SUCCESS.code());
        long distinct = Arrays.stream(ExitCode.values()).mapToInt(ExitCode::code).distinct().count();
        assertEquals(ExitCode.values().length, distinct);
    }

    @Test
    void exitHookReceivesTheNumericCode() {
        List<Integer> exits = new ArrayList<>();
        SystemExit hook = exits::add;
        hook.exit(ExitCode.CONFIG);
        assertEquals(List.of(3), exits);
    }

    @Test
    void mappingPrefersToolExceptionThenRegistrationsThenKinds() {
        ToolErrorHandler handler = new ToolErrorHandler(Clock.systemUTC())
                .map(IllegalArgumentException.class, ExitCode.CONFIG);
        assertEquals(ExitCode.NOT_RUNNING, handler.exitCodeFor(ToolException.notRunning("x")));
        assertEquals(ExitCode.CONFIG, handler.exitCodeFor(new NumberFormatException("subclass of a registration")));
        assertEquals(ExitCode.FAILURE, handler.exitCodeFor(
                new UncheckedIOException(new AccessDeniedException("/etc/cluster/clconf.xml"))));
        assertEquals(ExitCode.INTERNAL, handler.exitCodeFor(new NullPointerException()));
    }

    @Test
    void permissionProblemsSayWhatToDo() {
        String text = ToolErrorHandler.describe(new AccessDeniedException("/etc/cluster/clconf.xml"));
        assertEquals("permission denied: /etc/cluster/clconf.xml; run as root or fix the file's permissions", text);
    }
}

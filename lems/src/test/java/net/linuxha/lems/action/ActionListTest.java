package net.linuxha.lems.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The action list grammar of Reference 24.3, entry by entry. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ActionListTest {

    static Stream<Arguments> entries() {
        return Stream.of(
                Arguments.of("NOP", new Action.Nop()),
                Arguments.of("nop", new Action.Nop()),
                Arguments.of("STOP", new Action.Stop(Optional.empty())),
                Arguments.of("HALT", new Action.Stop(Optional.empty())),
                Arguments.of("STOP httpd", new Action.Stop(Optional.of("httpd"))),
                Arguments.of("RUN move_ip", new Action.Start("move_ip", Optional.empty())),
                Arguments.of("START move_ip 2.5", new Action.Start("move_ip", Optional.of(Duration.ofMillis(2500)))),
                Arguments.of("ABORT", new Action.Failover()),
                Arguments.of("FAILOVER", new Action.Failover()),
                Arguments.of("HALTAPP", new Action.HaltApplication()),
                Arguments.of("STOPAPP", new Action.HaltApplication()),
                Arguments.of("PAUSE", new Action.Pause(Duration.ofSeconds(30))),
                Arguments.of("PAUSE 60", new Action.Pause(Duration.ofSeconds(60))),
                Arguments.of("RUNCMD email root", new Action.RunCommand(List.of("email", "root"))),
                Arguments.of("REMOVEMON", new Action.RemoveMonitor()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void eachActionParses(String text, Action expected) {
        assertEquals(List.of(expected), ActionList.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void malformedEntriesBecomeInvalidWithAReason(String text, String reasonPart) {
        Action action = ActionList.parseOne(text);
        Action.Invalid invalid = assertInstanceOf(Action.Invalid.class, action);
        assertEquals(text, invalid.text());
        assertTrue(invalid.reason().contains(reasonPart), invalid.reason());
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("rubbish", "unknown action rubbish"),
                Arguments.of("RUN", "needs a check name"),
                Arguments.of("RUN a b c", "needs a check name"),
                Arguments.of("RUN move_ip soon", "number of seconds"),
                Arguments.of("PAUSE -5", "must not be negative"),
                Arguments.of("PAUSE 1 2", "at most one"),
                Arguments.of("STOP a b", "at most one"),
                Arguments.of("NOP now", "takes no arguments"),
                Arguments.of("FAILOVER please", "takes no arguments"),
                Arguments.of("RUNCMD", "needs the command"));
    }

    @Test
    void theReferenceExampleRunsTheCommandSkipsRubbishAndFailsOver() {
        List<Action> actions = ActionList.parse("RUNCMD email root; rubbish; FAILOVER");
        assertEquals(3, actions.size());
        assertEquals(new Action.RunCommand(List.of("email", "root")), actions.get(0));
        assertInstanceOf(Action.Invalid.class, actions.get(1));
        assertEquals(new Action.Failover(), actions.get(2));
    }

    @Test
    void emptyEntriesAndTrailingSemicolonsAreIgnored() {
        assertEquals(List.of(new Action.Stop(Optional.of("httpd"))), ActionList.parse("STOP httpd;"));
        assertEquals(List.of(), ActionList.parse(" ; ;"));
    }

    @Test
    void rcdataIsSubstitutedBeforeParsing() {
        String text = ActionList.substitute("%RCDATA%", Optional.of("STOP httpd; START smbd;"));
        assertEquals(List.of(new Action.Stop(Optional.of("httpd")), new Action.Start("smbd", Optional.empty())),
                ActionList.parse(text));
        assertEquals("RUNCMD clean ", ActionList.substitute("RUNCMD clean %RCDATA%", Optional.empty()));
    }
}

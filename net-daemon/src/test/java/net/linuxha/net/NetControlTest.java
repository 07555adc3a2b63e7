package net.linuxha.net;

import static net.linuxha.net.Net.atSeconds;
import static net.linuxha.net.Net.core;
import static net.linuxha.net.Net.drbdNetwork;
import static net.linuxha.net.Net.publicNetwork;
import static net.linuxha.net.Net.timings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The answers clnetdctl gets for REREAD and NET_STATUS, good and bad. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NetControlTest {

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("REREAD", List.of(), "OK REREAD networks=all"),
                Arguments.of("reread", List.of("network=drbd"), "OK REREAD network=drbd"),
                Arguments.of("REREAD", List.of("net=drbd"), "ERROR REREAD takes at most one argument, network=NAME "
                        + "(e.g. REREAD network=public), not 'net=drbd'"),
                Arguments.of("REREAD", List.of("network=a", "network=b"), "ERROR REREAD takes at most one argument, "
                        + "network=NAME (e.g. REREAD network=public), not 'network=b'"),
                Arguments.of("NET_STATUS", List.of("network=drbd"), "OK\nnetwork=drbd state=UP cards=eth2\n"
                        + "  card=eth2 network=drbd link=up role=active usable=yes faulty_for=0s failures=0 "
                        + "last_used=1s_ago addresses=192.100.100.1/24(eth2)\n"),
                Arguments.of("NET_STATUS", List.of("network=dmz"), "ERROR network dmz is not monitored on this node; "
                        + "monitored networks: public, drbd (use REREAD if it was added to clconf.xml)"),
                Arguments.of("FLUSH", List.of(), "ERROR unknown request FLUSH; the network daemon understands "
                        + "REREAD [network=NAME], NET_STATUS [network=NAME], VERBOSE and LOGCYCLE"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requests")
    void answers(String verb, List<String> arguments, String expected) {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"), drbdNetwork("eth2"));
        NetControl.Answer answer = new NetControl(core).handle(verb, arguments, atSeconds(1));
        assertEquals(expected, answer.text());
        assertEquals(expected.startsWith("OK REREAD"), !answer.actions().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"REREAD", "reread", "NET_STATUS", "net_status"})
    void handlesItsOwnWordsInAnyCase(String verb) {
        assertTrue(NetControl.handles(verb));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"VERBOSE", "LOGCYCLE", "FLUSH", "STATUS"})
    void leavesOtherWordsToTheDaemon(String verb) {
        assertFalse(NetControl.handles(verb));
    }
}

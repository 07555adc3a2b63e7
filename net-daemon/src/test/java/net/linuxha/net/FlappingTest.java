package net.linuxha.net;

import static net.linuxha.net.Net.at;
import static net.linuxha.net.Net.core;
import static net.linuxha.net.Net.down;
import static net.linuxha.net.Net.moves;
import static net.linuxha.net.Net.publicNetwork;
import static net.linuxha.net.Net.reports;
import static net.linuxha.net.Net.tick;
import static net.linuxha.net.Net.timings;
import static net.linuxha.net.Net.up;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Flapping links: down/up within 100 ms, again and again. The rule under test: addresses move only off a card that
 * failed, never back because a card came back, and a card that flapped is not chosen until its hold period is over
 * and its link has been stable for the settle time. So flapping causes at most one move, never a ping-pong.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FlappingTest {

    /** Feeds a square wave: down for {@code downMs}, up for {@code upMs}, {@code flaps} times from {@code start}. */
    private static List<NetAction> flap(NetDaemonCore core, String card, long start, int flaps, long downMs,
                                        long upMs) {
        List<NetAction> all = new ArrayList<>();
        long t = start;
        for (int i = 0; i < flaps; i++) {
            all.addAll(core.process(down(card), at(t)));
            all.addAll(core.process(tick(), at(t + downMs / 2)));
            t += downMs;
            all.addAll(core.process(up(card), at(t)));
            all.addAll(core.process(tick(), at(t + upMs / 2)));
            t += upMs;
        }
        return all;
    }

    @Test
    void flappingActiveCardMovesTheAddressesOnceAndNeverBack() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        List<NetAction> actions = flap(core, "eth0", 1000, 20, 40, 60);
        assertEquals(List.of("eth0->eth1"), moves(actions).stream().map(m -> m.from() + "->" + m.to()).toList());
        assertEquals(List.of(), reports(actions));
    }

    @Test
    void flappingStandbyIsNotChosenWhileItFlaps() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1", "eth2"));
        flap(core, "eth1", 1000, 5, 30, 50);
        // eth1 came back 50 ms before: it is held (and not yet settled); eth2 is the stable choice.
        assertEquals("eth2", moves(core.process(down("eth0"), at(1450))).get(0).to());
    }

    @Test
    void twoCardsFlappingInTurnGiveOneMoveThenNetworkDownNotAPingPong() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        List<NetAction> actions = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            long t = 1000 + 200L * round;
            actions.addAll(flap(core, "eth0", t, 1, 40, 60));
            actions.addAll(flap(core, "eth1", t + 100, 1, 40, 60));
        }
        assertEquals(1, moves(actions).size());
        assertEquals(List.of(new NetAction.ReportNetworkDown("public")), reports(actions));
    }

    @Test
    void withLossConfirmationAShortGlitchMovesNothing() {
        NetTimings confirm = timings(Duration.ofSeconds(60)).withLossConfirm(Duration.ofMillis(100));
        NetDaemonCore core = core(confirm, publicNetwork("eth0", "eth1"));
        List<NetAction> actions = flap(core, "eth0", 1000, 10, 50, 50);
        assertEquals(List.of(), moves(actions));
    }

    @Test
    void withLossConfirmationALastingLossMovesWhenTheConfirmationTimeIsUp() {
        NetTimings confirm = timings(Duration.ofSeconds(60)).withLossConfirm(Duration.ofMillis(100));
        NetDaemonCore core = core(confirm, publicNetwork("eth0", "eth1"));
        assertEquals(List.of(), moves(core.process(down("eth0"), at(1000))));
        assertEquals(Optional.of(at(1100)), core.monitor("public").orElseThrow().nextChange(at(1000)));
        assertEquals(List.of(), moves(core.process(tick(), at(1099))));
        assertEquals("eth1", moves(core.process(tick(), at(1100))).get(0).to());
    }

    @Test
    void withoutLossConfirmationTheFirstLossActsInTheSameCall() {
        NetDaemonCore core = core(timings(Duration.ofSeconds(60)), publicNetwork("eth0", "eth1"));
        assertEquals(1, moves(core.process(down("eth0"), at(1000))).size());
    }
}

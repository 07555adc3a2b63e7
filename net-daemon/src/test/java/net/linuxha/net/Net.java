package net.linuxha.net;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared test data: the Reference's sample topology (7.1) and helpers to pick actions out of a decision. */
final class Net {

    static final Instant T0 = Instant.parse("2005-06-07T06:24:21Z");
    static final CardAddress STATIC = new CardAddress("172.16.177.1", 24, "eth0");
    static final CardAddress APACHE = new CardAddress("172.16.177.200", 24, "eth0:1");
    static final CardAddress DRBD = new CardAddress("192.100.100.1", 24, "eth2");

    private Net() {
    }

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    static Instant atSeconds(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    static Map<String, Boolean> allUp(List<String> cards) {
        Map<String, Boolean> up = new LinkedHashMap<>();
        cards.forEach(card -> up.put(card, true));
        return up;
    }

    /** Network "public" with the given cards, the static address and the apache alias on the first card. */
    static NetworkSetup publicNetwork(String... cards) {
        List<String> list = List.of(cards);
        CardAddress staticAddress = STATIC.withLabel(list.get(0));
        CardAddress alias = APACHE.withLabel(list.get(0) + ":1");
        return new NetworkSetup("public", list, Map.of(list.get(0), List.of(staticAddress, alias)), allUp(list));
    }

    /** Network "drbd" with one card holding the replication address. */
    static NetworkSetup drbdNetwork(String card) {
        return new NetworkSetup("drbd", List.of(card), Map.of(card, List.of(DRBD.withLabel(card))),
                Map.of(card, true));
    }

    static NetTimings timings(Duration hold) {
        return NetTimings.defaults().withHoldPeriod(hold);
    }

    static NetDaemonCore core(NetTimings timings, NetworkSetup... networks) {
        NetDaemonCore core = new NetDaemonCore(timings);
        core.process(new NetEvent.TopologyRead(List.of(networks)), T0);
        return core;
    }

    static NetEvent down(String card) {
        return new NetEvent.CarrierChanged(card, false);
    }

    static NetEvent up(String card) {
        return new NetEvent.CarrierChanged(card, true);
    }

    static NetEvent tick() {
        return new NetEvent.Tick();
    }

    static List<NetAction.MoveAddresses> moves(List<NetAction> actions) {
        return only(actions, NetAction.MoveAddresses.class);
    }

    static List<NetAction> reports(List<NetAction> actions) {
        return actions.stream().filter(action -> action instanceof NetAction.ReportNetworkDown
                || action instanceof NetAction.ReportNetworkUp).toList();
    }

    static List<NetAction> withoutLogs(List<NetAction> actions) {
        return actions.stream().filter(action -> !(action instanceof NetAction.Log)).toList();
    }

    static List<String> logs(List<NetAction> actions) {
        return only(actions, NetAction.Log.class).stream().map(log -> log.level() + " " + log.text()).toList();
    }

    static <T> List<T> only(List<NetAction> actions, Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

package net.linuxha.net.io;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.linuxha.net.CardAddress;
import net.linuxha.net.NetAction;
import net.linuxha.net.NetworkSetup;

/**
 * An in-memory node for the I/O edge's tests: cards with a carrier flag and addresses, a cldaemon that records
 * reports, and failures switched on per card. Every call is recorded in {@link #calls} in order, with the log lines.
 * It stands in for the shell layer and the wire client, which other helpers are writing.
 */
final class FakeNode implements CardLinks, AddressMover, ClusterDaemonLink, TopologyReader, LogSink {

    final List<String> calls = new ArrayList<>();
    final Map<String, Boolean> carrier = new HashMap<>();
    final Map<String, List<CardAddress>> addresses = new HashMap<>();
    final Set<String> brokenCards = new HashSet<>();
    final Set<String> missingCards = new HashSet<>();
    boolean cldaemonDown;
    boolean arpFails;
    List<NetworkSetup> topology = List.of();

    @Override
    public boolean carrier(String card) throws IOException {
        if (missingCards.contains(card)) {
            throw new IOException("/sys/class/net/" + card + "/carrier: No such file or directory");
        }
        return carrier.getOrDefault(card, false);
    }

    @Override
    public void move(NetAction.MoveAddresses move) throws IOException {
        if (brokenCards.contains(move.to())) {
            calls.add("move-failed " + move.from() + "->" + move.to());
            throw new IOException("RTNETLINK answers: No such device (" + move.to() + ")");
        }
        calls.add("move " + move.from() + "->" + move.to() + " " + move.added());
        addresses.computeIfAbsent(move.to(), card -> new ArrayList<>()).addAll(move.added());
        addresses.computeIfAbsent(move.from(), card -> new ArrayList<>()).removeAll(move.removed());
    }

    @Override
    public void sendGratuitousArp(String card, CardAddress address) throws IOException {
        if (arpFails) {
            throw new IOException("arping: interface " + card + " is down");
        }
        calls.add("arp " + card + " " + address.address());
    }

    @Override
    public void networkDown(String network) throws IOException {
        if (cldaemonDown) {
            throw new IOException("connection refused by cldaemon on port 9905");
        }
        calls.add("report down " + network);
    }

    @Override
    public void networkUp(String network) throws IOException {
        if (cldaemonDown) {
            throw new IOException("connection refused by cldaemon on port 9905");
        }
        calls.add("report up " + network);
    }

    @Override
    public NetworkSetup read(String network) throws IOException {
        return topology.stream().filter(setup -> setup.network().equals(network)).findFirst()
                .map(this::withCurrentState)
                .orElseThrow(() -> new IOException("network " + network + " is not defined for this node in "
                        + "/etc/cluster/clconf.xml"));
    }

    @Override
    public List<NetworkSetup> readAll() {
        return topology.stream().map(this::withCurrentState).toList();
    }

    @Override
    public void log(NetAction.Log line) {
        calls.add("log " + line.level() + " " + line.text());
    }

    List<String> callsExceptLogs() {
        return calls.stream().filter(call -> !call.startsWith("log ")).toList();
    }

    private NetworkSetup withCurrentState(NetworkSetup setup) {
        Map<String, List<CardAddress>> held = new HashMap<>();
        Map<String, Boolean> links = new HashMap<>();
        for (String card : setup.cards()) {
            held.put(card, addresses.getOrDefault(card, List.of()));
            links.put(card, carrier.getOrDefault(card, false));
        }
        return new NetworkSetup(setup.network(), setup.cards(), held, links);
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

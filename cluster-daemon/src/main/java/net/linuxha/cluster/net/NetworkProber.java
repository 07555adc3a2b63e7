package net.linuxha.cluster.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import net.linuxha.cluster.membership.NetworkAnswer;
import net.linuxha.common.config.EchoType;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandRunner;

/**
 * Echo probes of the peer on each network (7.2.2 {@code echotype}), all networks at once, each bounded by
 * {@link #TIMEOUT}:
 * <ul>
 * <li>ICMP: {@code ping -n -q -c 1 -W 1 -I CARD ADDRESS} through the shell layer, out of this node's card on that
 * network;</li>
 * <li>TCP: a connection from this node's address on that network to the peer's cluster daemon port;</li>
 * <li>UDP: one datagram to the peer's UDP echo service (port 7, as inetd's {@code echo dgram udp wait root
 * internal} provides it, 7.2.2), answered with the same bytes.</li>
 * </ul>
 * Also pings single addresses (service IPs, checklists) for the partition decision of 21.6.
 */
public final class NetworkProber {

    public static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final int UDP_ECHO_PORT = 7;
    /** Runs the probes of one probeAll side by side; each is bounded, the threads are daemons. */
    private static final ExecutorService PROBES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cldaemon-probe");
        t.setDaemon(true);
        return t;
    });

    private final CommandRunner runner;
    private final EchoType echoType;
    private final int daemonPort;

    public NetworkProber(CommandRunner runner, EchoType echoType, int daemonPort) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.echoType = Objects.requireNonNull(echoType, "echoType");
        this.daemonPort = daemonPort;
    }

    public EchoType echoType() {
        return echoType;
    }

    /**
     * Probes every network for which both our card and the peer's address are known, all at once (a dead peer costs
     * one {@link #TIMEOUT}, not one per network: the probe decides how long after {@code dead} a node is declared
     * dead); the answers, in the order of {@code localCards}.
     */
    public List<NetworkAnswer> probeAll(Map<String, LocalCard> localCards, Map<String, String> peerAddresses) {
        Map<String, CompletableFuture<Boolean>> probes = new LinkedHashMap<>();
        for (Map.Entry<String, LocalCard> e : localCards.entrySet()) {
            String address = peerAddresses.get(e.getKey());
            if (address != null) {
                probes.put(e.getKey(), CompletableFuture.supplyAsync(() -> probe(e.getValue(), address), PROBES));
            }
        }
        List<NetworkAnswer> answers = new ArrayList<>();
        probes.forEach((network, answered) -> {
            if (answered.join()) {
                answers.add(new NetworkAnswer(network, peerAddresses.get(network)));
            }
        });
        return answers;
    }

    /** One echo probe of {@code address} from {@code card}. */
    public boolean probe(LocalCard card, String address) {
        return switch (echoType) {
            case ICMP -> ping(card.card(), address);
            case TCP -> tcp(card.address(), address);
            case UDP -> udp(card.address(), address);
        };
    }

    /** One ICMP echo to {@code address}, out of {@code card} when not null. */
    public boolean ping(String card, String address) {
        List<String> argv = new ArrayList<>(List.of("ping", "-n", "-q", "-c", "1", "-W", "1"));
        if (card != null) {
            argv.addAll(List.of("-I", card));
        }
        argv.add(address);
        return runner.run(Command.of(argv).withTimeout(Duration.ofSeconds(3)).asProbe()).succeeded();
    }

    private boolean tcp(String from, String address) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName(address), daemonPort),
                    (int) TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean udp(String from, String address) {
        byte[] payload = ("linuxha-echo-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(from), 0))) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.send(new DatagramPacket(payload, payload.length, InetAddress.getByName(address), UDP_ECHO_PORT));
            byte[] buffer = new byte[payload.length + 16];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            return Arrays.equals(payload, Arrays.copyOf(buffer, reply.getLength()));
        } catch (IOException e) {
            return false;
        }
    }
}

package net.linuxha.lems.monitors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.shell.ArpingDriver;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.LinkState;
import net.linuxha.common.shell.ShellException;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.CommandReply;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.MonitorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ip_move_interface [application] [window=SECONDS] [moves=N]} (Reference 24.4.4, 24.6): moves or assigns the
 * application's service addresses of a network to another card of that network that has a link. Not scheduled on
 * its own ({@code interval 0}); {@code ip_module} and {@code link_module} start it with {@code RUN move_ip} and leave
 * the network on the {@link NetworkTroubles} board. Every run it also looks at each network of the application by
 * itself, so it repairs what it finds even when started by hand ({@code lemsctl --msg "RUN move_ip"}).
 *
 * <p>A move: {@code ip addr add ADDRESS/PREFIX brd B dev NEW label NEW:N} for each address (labels keep their number,
 * see {@link MovePlan}), then {@code ip addr del} from the old card, then a gratuitous ARP ({@code arping -U -c 2})
 * per address on the new card. Only the application's addresses move; the node's own address stays (that is
 * clnetd's job, 21.2.1).
 *
 * <p>History ({@link MoveHistory}): a card the addresses left less than {@code window} ago (default
 * {@value #DEFAULT_WINDOW_SECONDS} s) is not a candidate, and after {@code moves} moves (default
 * {@value #DEFAULT_MOVES}) of one network within the window no further move is made.
 *
 * <p>Return codes: 0 the addresses are on a card with a link (moved now or already there; RCDATA names the networks
 * moved, if any); 1 no card can take them or moves came too often: the action list should fail over (the
 * Reference's {@code <action rc="1" action="ABORT"/>}), RCDATA names the networks. Detail: one line per network
 * moved within the window, {@code network,moves=N,window=S,last=FROM->TO@EPOCH}. {@code CMD move_ip RESET} forgets
 * the history (after the cables are fixed).
 */
public final class IpMoveInterface implements Monitor {

    public static final long DEFAULT_WINDOW_SECONDS = 300;
    public static final int DEFAULT_MOVES = 3;
    /** Announcements per moved address, one second apart, as clnetd sends them. */
    static final int ARP_COUNT = 2;
    private static final Logger LOG = LoggerFactory.getLogger(IpMoveInterface.class);

    private final ApplicationNetworks application;
    private final IpDriver ip;
    private final LinkState links;
    private final ArpingDriver arping;
    private final Optional<NetworkTroubles> troubles;
    private final Clock clock;
    private final MoveHistory history;

    IpMoveInterface(ApplicationNetworks application, IpDriver ip, LinkState links, ArpingDriver arping,
                    Optional<NetworkTroubles> troubles, Clock clock, MoveHistory history) {
        this.application = Objects.requireNonNull(application, "application");
        this.ip = Objects.requireNonNull(ip, "ip");
        this.links = Objects.requireNonNull(links, "links");
        this.arping = Objects.requireNonNull(arping, "arping");
        this.troubles = Objects.requireNonNull(troubles, "troubles");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public CheckResult check() {
        Map<String, NetworkTroubles.Kind> reported = troubles.map(NetworkTroubles::take).orElse(Map.of());
        List<String> moved = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (ApplicationNetworks.Network network : application.networks()) {
            boolean checklist = reported.get(network.name()) == NetworkTroubles.Kind.CHECKLIST_FAILED;
            Instant now = clock.instant();
            MovePlan.Plan plan;
            synchronized (history) {
                plan = MovePlan.plan(network, ip.addresses(), card -> LinkModule.hasLink(links.read(card)),
                        history.recentlyLeft(network.name(), now), checklist);
                if (plan instanceof MovePlan.Move && history.tooOften(network.name(), now)) {
                    plan = new MovePlan.NoCard("the addresses of network " + network.name() + " moved "
                            + history.recent(network.name(), now).size() + " times in the last "
                            + history.window().toSeconds() + " s (limit " + history.limit() + ")");
                }
            }
            if (plan instanceof MovePlan.NothingToDo nothing) {
                LOG.info("ip_move_interface: {}", nothing.why());
            } else if (plan instanceof MovePlan.NoCard none) {
                LOG.error("ip_move_interface: cannot move the addresses of {} on network {}: {} - asking for the "
                        + "application to fail over", application.application(), network.name(), none.why());
                failed.add(network.name());
            } else if (plan instanceof MovePlan.Move move) {
                move(network, move);
                moved.add(network.name());
            }
        }
        if (!failed.isEmpty()) {
            return CheckResult.of(1, String.join(",", failed));
        }
        return moved.isEmpty() ? CheckResult.of(0) : CheckResult.of(0, String.join(",", moved));
    }

    private void move(ApplicationNetworks.Network network, MovePlan.Move move) {
        for (MovePlan.Add add : move.adds()) {
            ip.addAddress(move.to(), add.address(), add.prefixLength(), Optional.of(add.broadcast()),
                    Optional.of(add.label()));
        }
        for (MovePlan.Delete delete : move.deletes()) {
            try {
                ip.deleteAddress(delete.card(), delete.address(), delete.prefixLength());
            } catch (ShellException e) {
                LOG.warn("ip_move_interface: {} is on card {} now but could not be removed from card {}: {} - remove "
                        + "it by hand (ip addr del {}/{} dev {})", delete.address(), move.to(), delete.card(),
                        e.getMessage(), delete.address(), delete.prefixLength(), delete.card());
            }
        }
        synchronized (history) {
            history.record(network.name(), new MoveHistory.Move(clock.instant(), move.from(), move.to()));
        }
        LOG.warn("ip_move_interface: moved {} of {} (network {}) from card {} to card {}",
                String.join(",", move.adds().stream().map(a -> a.address() + " as " + a.label()).toList()),
                application.application(), network.name(), move.from().orElse("none"), move.to());
        for (MovePlan.Add add : move.adds()) {
            try {
                arping.announce(move.to(), add.address(), ARP_COUNT);
            } catch (ShellException e) {
                LOG.warn("ip_move_interface: gratuitous ARP for {} on card {} failed: {} - the address works, but "
                        + "neighbours may take a while to find it", add.address(), move.to(), e.getMessage());
            }
        }
    }

    @Override
    public String detail() {
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>();
        synchronized (history) {
            for (ApplicationNetworks.Network network : application.networks()) {
                List<MoveHistory.Move> recent = history.recent(network.name(), now);
                if (!recent.isEmpty()) {
                    MoveHistory.Move last = recent.get(recent.size() - 1);
                    lines.add(network.name() + ",moves=" + recent.size() + ",window=" + history.window().toSeconds()
                            + ",last=" + last.from().orElse("-") + "->" + last.to() + "@"
                            + last.at().getEpochSecond());
                }
            }
        }
        return String.join("\n", lines);
    }

    @Override
    public CommandReply accept(String command) {
        if (command.strip().equalsIgnoreCase("RESET")) {
            synchronized (history) {
                history.clear();
            }
            return CommandReply.ok("move history cleared");
        }
        return CommandReply.fail("ip_move_interface accepts RESET (forget the move history), not '" + command + "'");
    }

    /** Makes {@code ip_move_interface} monitors. */
    public static final class Factory implements MonitorFactory {
        @Override
        public String moduleName() {
            return "ip_move_interface";
        }

        @Override
        public Monitor create(List<String> arguments, MonitorContext context) throws MonitorCreationException {
            List<String> positional = new ArrayList<>();
            long window = DEFAULT_WINDOW_SECONDS;
            int moves = DEFAULT_MOVES;
            for (String argument : arguments) {
                if (argument.startsWith("window=")) {
                    window = number(argument, 1, 86_400);
                } else if (argument.startsWith("moves=")) {
                    moves = (int) number(argument, 1, 100);
                } else {
                    positional.add(argument);
                }
            }
            String app = NetworkModules.application(moduleName(), positional, context);
            return new IpMoveInterface(ApplicationNetworks.load(app, context, moduleName()),
                    RequiredServices.require(context, IpDriver.class, moduleName()),
                    RequiredServices.require(context, LinkState.class, moduleName()),
                    RequiredServices.require(context, ArpingDriver.class, moduleName()),
                    context.services().find(NetworkTroubles.class), context.clock(),
                    new MoveHistory(Duration.ofSeconds(window), moves));
        }

        private static long number(String argument, long min, long max) throws MonitorCreationException {
            String value = argument.substring(argument.indexOf('=') + 1);
            try {
                long n = Long.parseLong(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new MonitorCreationException("ip_move_interface: " + argument + " needs a whole number from " + min
                    + " to " + max + ", e.g. ip_move_interface apache window=300 moves=3");
        }
    }
}

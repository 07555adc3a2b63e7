package net.linuxha.net.daemon;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.linuxha.common.shell.ArpingDriver;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.CommandRunner;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.ShellException;
import net.linuxha.net.CardAddress;
import net.linuxha.net.NetAction;
import net.linuxha.net.io.AddressMover;
import net.linuxha.net.io.LogSink;

/**
 * Moves addresses with one {@code ip -batch -} run: {@code addr add ADDRESS/PREFIX brd + dev NEW label LABEL} for each
 * address, then {@code addr del ADDRESS/PREFIX dev OLD} for each, aliases before the static address (deleting a
 * primary address makes the kernel delete its secondaries too). One process instead of one per address: starting a
 * process is most of the time a move takes. Announces the addresses with {@code arping -U}.
 *
 * <p>{@code ip -batch} stops at the first line that fails. When an add failed, the adds before it are taken back and
 * the move fails with the addresses still on the old card; when a delete failed, the remaining deletes are done one
 * by one and what still fails is logged (the old card has no link anyway).
 *
 * <p>The gratuitous ARPs run on their own executor: {@code arping -c N} keeps running for N seconds, and the daemon's
 * loop must be back to polling the cards at once. A failed ARP is logged from there; the address works anyway.
 */
public final class ShellAddressMover implements AddressMover {

    /** Announcements per address, one second apart: the second one covers a switch that missed the first. */
    static final int ARP_COUNT = 2;

    private static final Duration IP_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern FAILED_LINE = Pattern.compile("Command failed -:(\\d+)");

    private final CommandRunner runner;
    private final IpDriver ip;
    private final ArpingDriver arping;
    private final Executor arpExecutor;
    private final LogSink log;

    public ShellAddressMover(CommandRunner runner, Executor arpExecutor, LogSink log) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.ip = new IpDriver(runner);
        this.arping = new ArpingDriver(runner);
        this.arpExecutor = Objects.requireNonNull(arpExecutor, "arpExecutor");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void move(NetAction.MoveAddresses move) throws IOException {
        List<CardAddress> removed = new ArrayList<>(move.removed());
        Collections.reverse(removed);
        List<String> lines = new ArrayList<>();
        for (CardAddress address : move.added()) {
            lines.add("addr add " + address.cidr() + (isIpv6(address) ? "" : " brd +") + " dev " + move.to()
                    + " label " + address.label());
        }
        for (CardAddress address : removed) {
            lines.add("addr del " + address.cidr() + " dev " + move.from());
        }
        CommandResult result;
        try {
            result = runner.run(Command.of("ip", "-batch", "-").withStdin(String.join("\n", lines) + "\n")
                    .withTimeout(IP_TIMEOUT));
        } catch (ShellException e) {
            throw new IOException("cannot run ip to move the addresses of card " + move.from() + " to card "
                    + move.to() + ": " + e.getMessage(), e);
        }
        if (result.succeeded()) {
            return;
        }
        int failed = failedLine(result, lines.size());
        int adds = move.added().size();
        if (failed <= adds) {
            CardAddress address = move.added().get(Math.max(0, failed - 1));
            takeBack(move.to(), move.added().subList(0, Math.max(0, failed - 1)));
            throw new IOException("cannot add " + address.cidr() + " (label " + address.label() + ") to card "
                    + move.to() + ": " + result.stderr().strip().replace('\n', ' '));
        }
        for (CardAddress address : removed.subList(failed - adds - 1, removed.size())) {
            delete(move, address);
        }
    }

    private void delete(NetAction.MoveAddresses move, CardAddress address) {
        try {
            ip.deleteAddress(move.from(), address.address(), address.prefix());
        } catch (ShellException e) {
            log.log(NetAction.Log.warn("Could not remove " + address.cidr() + " from card " + move.from()
                    + " after moving it to " + move.to() + ": " + e.getMessage() + " - remove it by hand (ip addr "
                    + "del " + address.cidr() + " dev " + move.from() + ") before the card's link returns"));
        }
    }

    /** The 1-based line {@code ip -batch} stopped at; the first line when it does not say (nothing can be assumed). */
    private static int failedLine(CommandResult result, int lines) {
        Matcher matcher = FAILED_LINE.matcher(result.stderr());
        if (matcher.find()) {
            int line = Integer.parseInt(matcher.group(1));
            if (line >= 1 && line <= lines) {
                return line;
            }
        }
        return 1;
    }

    @Override
    public void sendGratuitousArp(String card, CardAddress address) throws IOException {
        try {
            arpExecutor.execute(() -> announce(card, address));
        } catch (RejectedExecutionException e) {
            throw new IOException("the network daemon is stopping", e);
        }
    }

    private void announce(String card, CardAddress address) {
        try {
            arping.announce(card, address.address(), ARP_COUNT);
        } catch (RuntimeException e) {
            log.log(NetAction.Log.warn("Gratuitous ARP for " + address.address() + " on card " + card + " failed: "
                    + e.getMessage() + " - the address works, but neighbours may take a while to find it"));
        }
    }

    private void takeBack(String card, List<CardAddress> added) {
        for (CardAddress address : added) {
            try {
                ip.deleteAddress(card, address.address(), address.prefix());
            } catch (ShellException e) {
                log.log(NetAction.Log.error("Could not take " + address.cidr() + " back off card " + card + " after "
                        + "a failed move: " + e.getMessage() + " - remove it by hand (ip addr del " + address.cidr()
                        + " dev " + card + ")"));
            }
        }
    }

    private static boolean isIpv6(CardAddress address) {
        return address.address().indexOf(':') >= 0;
    }
}

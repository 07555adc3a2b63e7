package net.linuxha.net.daemon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import net.linuxha.common.shell.ArpingDriver;
import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.ShellException;
import net.linuxha.net.CardAddress;
import net.linuxha.net.NetAction;
import net.linuxha.net.io.AddressMover;
import net.linuxha.net.io.LogSink;

/**
 * Moves addresses with {@code ip addr add ADDRESS/PREFIX brd + dev CARD label LABEL} and {@code ip addr del}, and
 * announces them with {@code arping -U}.
 *
 * <p>The gratuitous ARPs run on their own executor: {@code arping -c N} keeps running for N seconds, and the daemon's
 * loop must be back to polling the cards at once. A failed ARP is logged from there; the address works anyway.
 */
public final class ShellAddressMover implements AddressMover {

    /** Announcements per address, one second apart: the second one covers a switch that missed the first. */
    static final int ARP_COUNT = 2;

    private final IpDriver ip;
    private final ArpingDriver arping;
    private final Executor arpExecutor;
    private final LogSink log;

    public ShellAddressMover(IpDriver ip, ArpingDriver arping, Executor arpExecutor, LogSink log) {
        this.ip = Objects.requireNonNull(ip, "ip");
        this.arping = Objects.requireNonNull(arping, "arping");
        this.arpExecutor = Objects.requireNonNull(arpExecutor, "arpExecutor");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void move(NetAction.MoveAddresses move) throws IOException {
        List<CardAddress> added = new ArrayList<>();
        for (CardAddress address : move.added()) {
            try {
                ip.addAddress(move.to(), address.address(), address.prefix(), broadcast(address),
                        Optional.of(address.label()));
                added.add(address);
            } catch (ShellException e) {
                takeBack(move.to(), added);
                throw new IOException("cannot add " + address.cidr() + " (label " + address.label() + ") to card "
                        + move.to() + ": " + e.getMessage(), e);
            }
        }
        // Aliases first, the static address last: deleting a primary address makes the kernel delete its
        // secondaries with it, and the deletes that followed would then fail with "Address not found".
        List<CardAddress> removed = new ArrayList<>(move.removed());
        Collections.reverse(removed);
        for (CardAddress address : removed) {
            try {
                ip.deleteAddress(move.from(), address.address(), address.prefix());
            } catch (ShellException e) {
                log.log(NetAction.Log.warn("Could not remove " + address.cidr() + " from card " + move.from()
                        + " after moving it to " + move.to() + ": " + e.getMessage() + " - remove it by hand (ip addr "
                        + "del " + address.cidr() + " dev " + move.from() + ") before the card's link returns"));
            }
        }
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

    /** IPv4 addresses get the usual broadcast address of their prefix ({@code brd +}); IPv6 has none. */
    private static Optional<String> broadcast(CardAddress address) {
        return address.address().indexOf(':') >= 0 ? Optional.empty() : Optional.of("+");
    }
}

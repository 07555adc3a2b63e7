package net.linuxha.common.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Addresses and links through iproute2 (Reference 8.2, 11.1: application IP addresses are added as labelled
 * aliases {@code ethN:M} and removed on halt or takeover).
 */
public final class IpDriver {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final CommandRunner runner;

    public IpDriver(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Every card with its addresses. */
    public List<IpInterface> addresses() {
        return IpJsonParser.parse(ip("-j", "addr", "show").orThrow().stdout());
    }

    /** One card with its addresses, or empty if there is no such card. */
    public Optional<IpInterface> addresses(String card) {
        CommandResult result = ip("-j", "addr", "show", "dev", card);
        if (!result.succeeded() && result.stderr().contains("does not exist")) {
            return Optional.empty();
        }
        return IpJsonParser.parse(result.orThrow().stdout()).stream().findFirst();
    }

    /** Every card, without addresses. */
    public List<IpInterface> links() {
        return IpJsonParser.parse(ip("-j", "link", "show").orThrow().stdout());
    }

    /**
     * {@code ip addr add ADDRESS/PREFIX [brd BROADCAST] dev CARD [label LABEL]}.
     *
     * @param label for IPv4 aliases, {@code CARD:N}; the kernel requires it to start with the card's name
     */
    public void addAddress(String card, String address, int prefixLength, Optional<String> broadcast,
                           Optional<String> label) {
        List<String> args = new ArrayList<>(List.of("addr", "add", address + "/" + prefixLength));
        broadcast.ifPresent(b -> args.addAll(List.of("brd", b)));
        args.addAll(List.of("dev", card));
        label.ifPresent(l -> args.addAll(List.of("label", l)));
        CommandResult result = ip(args.toArray(String[]::new));
        if (!result.succeeded()) {
            if (result.stderr().contains("already assigned") || result.stderr().contains("File exists")) {
                throw new CommandFailedException("Address " + address + "/" + prefixLength + " is already on card "
                        + card + " (" + result.stderr().strip() + "); remove it first or check which application "
                        + "owns it", result);
            }
            throw new CommandFailedException(result);
        }
    }

    /** {@code ip addr del ADDRESS/PREFIX dev CARD}; returns false if the address was not there. */
    public boolean deleteAddress(String card, String address, int prefixLength) {
        CommandResult result = ip("addr", "del", address + "/" + prefixLength, "dev", card);
        if (!result.succeeded() && result.stderr().contains("Address not found")) {
            return false;
        }
        result.orThrow();
        return true;
    }

    public void setLinkUp(String card) {
        ip("link", "set", "dev", card, "up").orThrow();
    }

    public void setLinkDown(String card) {
        ip("link", "set", "dev", card, "down").orThrow();
    }

    private CommandResult ip(String... args) {
        List<String> argv = new ArrayList<>(args.length + 1);
        argv.add("ip");
        argv.addAll(List.of(args));
        return runner.run(Command.of(argv).withTimeout(TIMEOUT));
    }
}

package net.linuxha.common.shell;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gratuitous ARP after an address moves to this node (Reference 11.1 "Sending Builtin Gratuitous arp"), with
 * iputils {@code arping}: {@code arping -U -c COUNT -I CARD ADDRESS} (unsolicited ARP, updates neighbours' caches).
 */
public final class ArpingDriver {

    private static final Pattern SENT = Pattern.compile("Sent (\\d+) probes?");
    private static final Pattern RECEIVED = Pattern.compile("Received (\\d+) response");

    /** How neighbours are told; iputils offers both, {@code -U} is what fail-over products use. */
    public enum Mode {
        /** {@code -U}: unsolicited ARP request announcing the address. */
        UNSOLICITED("-U"),
        /** {@code -A}: unsolicited ARP reply, for neighbours that ignore gratuitous requests. */
        ANSWER("-A");

        private final String option;

        Mode(String option) {
            this.option = option;
        }
    }

    /** What arping reported. */
    public record Result(int probesSent) {
    }

    private final CommandRunner runner;

    public ArpingDriver(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    public Result announce(String card, String address, int count) {
        return announce(card, address, count, Mode.UNSOLICITED);
    }

    /** Sends {@code count} announcements one second apart; the timeout allows for all of them. */
    public Result announce(String card, String address, int count, Mode mode) {
        if (count < 1) {
            throw new IllegalArgumentException("arping count must be at least 1, got " + count);
        }
        Command command = Command.of("arping", mode.option, "-c", Integer.toString(count), "-I", card, address)
                .withTimeout(Duration.ofSeconds(count + 10L));
        CommandResult result = runner.run(command);
        if (!result.succeeded()) {
            throw new CommandFailedException("Gratuitous ARP for " + address + " on card " + card + " failed: "
                    + result.describeFailure(), result);
        }
        return parse(result.stdout());
    }

    /**
     * Duplicate address detection before an address is taken (Reference 11.2: "It appears that the IP address for
     * this application is in use"): {@code arping -D -c COUNT -w COUNT+1 -I CARD ADDRESS}, which asks who has the
     * address from 0.0.0.0 and exits 1 when some host answered.
     *
     * @return true when another host on the card's segment answers for {@code address}
     */
    public boolean answeredByAnotherHost(String card, String address, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("arping count must be at least 1, got " + count);
        }
        Command command = Command.of("arping", "-D", "-c", Integer.toString(count), "-w",
                Integer.toString(count + 1), "-I", card, address).withTimeout(Duration.ofSeconds(count + 10L))
                .asProbe();
        CommandResult result = runner.run(command);
        if (result.exitCode() == 0) {
            return false;
        }
        if (result.exitCode() == 1 && result.stdout().contains("Received")) {
            return Integer.parseInt(received(result.stdout())) > 0;
        }
        throw new CommandFailedException("Duplicate address check for " + address + " on card " + card
                + " failed: " + result.describeFailure() + "; check that arping (iputils) is installed and that card "
                + card + " is up", result);
    }

    private static String received(String stdout) {
        Matcher m = RECEIVED.matcher(stdout);
        return m.find() ? m.group(1) : "0";
    }

    static Result parse(String stdout) {
        Matcher m = SENT.matcher(stdout);
        if (!m.find()) {
            throw new ToolOutputException("arping did not say how many probes it sent: "
                    + CommandLineText.excerpt(stdout, 200));
        }
        return new Result(Integer.parseInt(m.group(1)));
    }
}

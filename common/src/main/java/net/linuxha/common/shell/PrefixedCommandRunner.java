package net.linuxha.common.shell;

import java.util.List;
import java.util.Objects;

/**
 * Runs every command behind a fixed prefix, e.g. {@code ip netns exec NODE} or {@code nsenter -t PID -n -m}: the
 * lab runs the same drivers inside a node's namespaces without the drivers knowing.
 */
public final class PrefixedCommandRunner implements CommandRunner {

    private final CommandRunner delegate;
    private final List<String> prefix;

    public PrefixedCommandRunner(CommandRunner delegate, List<String> prefix) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.prefix = List.copyOf(prefix);
    }

    /** Commands run inside the named network namespace ({@code ip netns exec NAME ...}). */
    public static PrefixedCommandRunner inNetworkNamespace(CommandRunner delegate, String namespace) {
        return new PrefixedCommandRunner(delegate, List.of("ip", "netns", "exec", namespace));
    }

    @Override
    public CommandResult run(Command command) {
        return delegate.run(command.prefixedWith(prefix));
    }

    @Override
    public BackgroundProcess start(BackgroundCommand command) {
        return delegate.start(command.prefixedWith(prefix));
    }
}

package net.linuxha.cli.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One application as the cluster daemon reports it in answer to {@code APP_STATUS app=X failoverinfo=yes}
 * (25.4): {@code STATE,server,monitor,starttime,consistency,Yes|No}.
 *
 * @param name        the application
 * @param state       STARTED, STARTING, STOPPING or DOWN (STOPPED is read as DOWN)
 * @param node        the node it runs on; empty when it runs nowhere
 * @param monitor     whether its Lems daemon runs
 * @param startTime   when it was started, UNIX seconds; empty when unknown
 * @param stale       file systems whose copies are not in step (the "consistency" field)
 * @param failover    whether it would fail over to the other node; empty when the daemon did not say
 */
public record AppStatus(String name, String state, Optional<String> node, boolean monitor, Optional<Long> startTime,
                        String stale, Optional<Boolean> failover) {

    public AppStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(stale, "stale");
        Objects.requireNonNull(failover, "failover");
    }

    /**
     * Reads an APP_STATUS answer.
     *
     * @throws IllegalArgumentException quoting the answer when it has fewer than the five documented fields
     */
    public static AppStatus parse(String name, String answer) {
        List<String> fields = List.of(answer.strip().split(",", -1));
        if (fields.size() < 5) {
            throw new IllegalArgumentException("the cluster daemon answered APP_STATUS app=" + name + " with \""
                    + answer + "\", not STATE,server,monitor,starttime,consistency[,Yes|No]");
        }
        String state = fields.get(0).trim().toUpperCase(Locale.ROOT);
        if (state.equals("STOPPED")) {
            state = "DOWN";
        }
        String server = fields.get(1).trim();
        Optional<String> node = server.isEmpty() || server.equalsIgnoreCase("N/A") || server.equals("-")
                || server.equalsIgnoreCase("undef") || state.equals("DOWN") ? Optional.empty() : Optional.of(server);
        boolean monitor = fields.get(2).trim().equals("1");
        Optional<Long> start = parseLong(fields.get(3).trim());
        Optional<Boolean> failover = fields.size() > 5 ? yesNo(fields.get(5)) : Optional.empty();
        return new AppStatus(name, state, node, monitor, start, fields.get(4).trim(), failover);
    }

    /** Whether the application occupies a node (STARTING, STARTED, STOPPING): it counts as running. */
    public boolean isActive() {
        return !state.equals("DOWN");
    }

    public boolean isStarted() {
        return state.equals("STARTED");
    }

    public boolean runsOn(String nodeName) {
        return isActive() && node.isPresent() && node.get().equalsIgnoreCase(nodeName);
    }

    private static Optional<Long> parseLong(String text) {
        try {
            long value = Long.parseLong(text);
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> yesNo(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("yes") || t.equals("y") || t.equals("1")) {
            return Optional.of(true);
        }
        if (t.equals("no") || t.equals("n") || t.equals("0")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
}

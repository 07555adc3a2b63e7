package net.linuxha.lems.monitors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code ip_module} and {@code link_module} found wrong, for {@code ip_move_interface} to act on. An action list
 * cannot hand RCDATA to another check ({@code RUN move_ip} takes no argument), so the finding monitors also leave
 * the network here; one board per Lems daemon, offered as a {@code MonitorContext} service.
 *
 * <p>Thread-safe: the monitors run on different worker threads.
 */
public final class NetworkTroubles {

    /** Why a network's addresses should move. */
    public enum Kind {
        /** An address is on no card of its network. */
        ADDRESS_MISSING,
        /** The card holding an address has no link. */
        LINK_LOST,
        /** Too few checklist hosts answered the pings. */
        CHECKLIST_FAILED
    }

    private final Map<String, Kind> pending = new LinkedHashMap<>();

    /** Notes a trouble of {@code network}; a later report of the same network replaces an earlier one. */
    public synchronized void report(String network, Kind kind) {
        pending.put(Objects.requireNonNull(network, "network"), Objects.requireNonNull(kind, "kind"));
    }

    /** The troubles noted since the last call, by network, and forgets them. */
    public synchronized Map<String, Kind> take() {
        Map<String, Kind> taken = new LinkedHashMap<>(pending);
        pending.clear();
        return taken;
    }
}

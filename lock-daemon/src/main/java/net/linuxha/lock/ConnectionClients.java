package net.linuxha.lock;

import java.net.SocketAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which connection speaks for which lock client: a client id belongs to the first open connection that uses it, so
 * that when that connection drops, the daemon knows whose locks to take back. Another connection may not use the
 * id until then (it would otherwise hold locks that die with a stranger's connection). Not thread-safe.
 */
final class ConnectionClients {

    private final Map<SocketAddress, Set<ClientId>> byConnection = new HashMap<>();
    private final Map<ClientId, SocketAddress> owner = new HashMap<>();

    /** Records that {@code peer} speaks for {@code client}; false when another open connection already does. */
    boolean claim(SocketAddress peer, ClientId client) {
        SocketAddress current = owner.putIfAbsent(client, peer);
        if (current != null && !current.equals(peer)) {
            return false;
        }
        byConnection.computeIfAbsent(peer, p -> new LinkedHashSet<>()).add(client);
        return true;
    }

    /** The connection was closed: the clients it spoke for, now free. */
    Set<ClientId> closed(SocketAddress peer) {
        Set<ClientId> clients = byConnection.remove(peer);
        if (clients == null) {
            return Set.of();
        }
        clients.forEach(owner::remove);
        return clients;
    }

    int connections() {
        return byConnection.size();
    }
}

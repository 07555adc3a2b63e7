/**
 * The cluster network daemon's decisions ({@code clnetd-<cluster>}, Reference 5.6, 21.2.1): link monitoring of every
 * card of this node's networks, IP address moves between cards of one network, and network failure reports to
 * cldaemon. Pure: no threads, no clock, no I/O; {@link net.linuxha.net.NetDaemonCore} takes observations
 * ({@link net.linuxha.net.NetEvent}) with their time and returns actions ({@link net.linuxha.net.NetAction}).
 * {@code net.linuxha.net.io} carries the actions out through small interfaces the shell layer and the wire client
 * implement.
 *
 * <h2>Card choice</h2>
 * When a card holding addresses loses its link, all its addresses (the node's static address and every application
 * alias, Reference 5.6) move to another card of the same network that has link: one never failed over to first, in
 * clconf order, otherwise the one used longest ago. Then a gratuitous ARP is sent for each address (21.2.1).
 *
 * <h2>Debounce rule (flapping links)</h2>
 * <ol>
 * <li>The first confirmed carrier loss on a card holding addresses moves them in the same call: no waiting, because
 * the target is a cable pull to address answering on the standby card well under 100 ms. "Confirmed" is one reading
 * of carrier down ({@link net.linuxha.net.NetTimings#lossConfirm()} is zero by default; raise it for drivers that
 * report spurious one-poll losses, at the cost of that much more outage).</li>
 * <li>A card that lost its link is faulty for the hold period (60 s by default) and not chosen meanwhile
 * (Reference 21.2.1).</li>
 * <li>A card whose link came back is chosen only after it has kept it for the settle time (200 ms by default).</li>
 * <li>Addresses never move because a card came back, only because the card holding them failed.</li>
 * </ol>
 * So a card flapping down/up every 100 ms causes one move, away from it, and no move back; two cards flapping in turn
 * cause one move and then a network-down report, not a ping-pong. The readings of one poll are decided together, so
 * a switch failure that takes every card down at once reports the network down without moving addresses around.
 *
 * <h2>Network down and up</h2>
 * When no usable card may take the addresses of a failed card, the network is reported down to cldaemon once;
 * cldaemon decides whether applications move to the other node. Monitoring goes on: when a card becomes usable the
 * addresses move there (or stay on their own card if that one recovered) and the network is reported up.
 * {@code REREAD} restarts monitoring with hold periods and use history forgotten, for the administrator who fixed the
 * problem and does not want to wait (Reference 21.2.1).
 */
package net.linuxha.net;

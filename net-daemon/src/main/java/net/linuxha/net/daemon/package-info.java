/**
 * The running network daemon ({@code clnetd-<cluster>}, see docs/clnetd.md): the I/O edges of
 * {@code net.linuxha.net.io} on the shell layer and the wire, and the threads that drive the decisions.
 *
 * <ul>
 * <li>{@link net.linuxha.net.daemon.SysfsCardLinks}: carrier from {@code /sys/class/net}.</li>
 * <li>{@link net.linuxha.net.daemon.ShellAddressMover}: one {@code ip -batch} per move, {@code arping -U} on its own
 * threads.</li>
 * <li>{@link net.linuxha.net.daemon.ClconfTopologyReader}: this node's networks from clconf.xml, with addresses and
 * carrier.</li>
 * <li>{@link net.linuxha.net.daemon.WireClusterDaemonLink}: {@code NETWORK_FAILED} / {@code NETWORK_RESTORED} to the
 * local cldaemon, never holding the loop more than 250 ms.</li>
 * <li>{@link net.linuxha.net.daemon.NetDaemon}: the loop thread (polls, moves, requests, one at a time) and the
 * address scanner; {@link net.linuxha.net.daemon.NetRequestHandler}: the wire requests ({@code --detach} is
 * common's {@code DaemonDetach}).</li>
 * </ul>
 */
package net.linuxha.net.daemon;

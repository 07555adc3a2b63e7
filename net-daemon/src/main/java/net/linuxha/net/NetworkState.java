package net.linuxha.net;

/** Whether a network works on this node, as last reported to cldaemon. */
public enum NetworkState {
    /** The network's addresses sit on a card with link (or, with no addresses, some card has link). */
    UP,
    /**
     * Some of the network's addresses sit on a card without link and no other card may take them; cldaemon has been
     * told. Monitoring goes on: the network comes back UP once its addresses are on a usable card again.
     */
    DOWN
}

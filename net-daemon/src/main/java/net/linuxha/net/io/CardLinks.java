package net.linuxha.net.io;

import java.io.IOException;

/**
 * Reads a card's carrier (link beat). To be implemented on the shell layer's link driver
 * ({@code /sys/class/net/<card>/carrier}, ethtool or MII where that file is not supported).
 */
public interface CardLinks {

    /**
     * Whether {@code card} has a physical link now.
     *
     * @throws IOException when the card cannot be read (missing, renamed, driver gone); the message names the card
     */
    boolean carrier(String card) throws IOException;
}

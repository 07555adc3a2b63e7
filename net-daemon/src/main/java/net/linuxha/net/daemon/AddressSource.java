package net.linuxha.net.daemon;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import net.linuxha.common.shell.IpDriver;
import net.linuxha.common.shell.ShellException;
import net.linuxha.net.CardAddress;

/** One scan of the node's addresses: the movable ones per card ({@link CardAddresses}). */
@FunctionalInterface
public interface AddressSource {

    /** @throws IOException when the addresses cannot be listed; the message says why */
    Map<String, List<CardAddress>> scan() throws IOException;

    /** {@code ip -j addr show}. */
    static AddressSource of(IpDriver ip) {
        return () -> {
            try {
                return CardAddresses.of(ip.addresses());
            } catch (ShellException e) {
                throw new IOException("cannot list the cards' addresses: " + e.getMessage(), e);
            }
        };
    }
}

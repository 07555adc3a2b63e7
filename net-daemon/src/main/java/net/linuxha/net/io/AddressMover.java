package net.linuxha.net.io;

import java.io.IOException;

import net.linuxha.net.CardAddress;
import net.linuxha.net.NetAction;

/**
 * Moves addresses between cards and announces them. To be implemented on the shell layer's address and arping drivers
 * ({@code ip addr add ... dev CARD label LABEL}, {@code ip addr del ...}, {@code arping -U -I CARD ADDRESS}).
 */
public interface AddressMover {

    /**
     * Carries out {@code move}: adds {@link NetAction.MoveAddresses#added()} on the target card in the order given
     * (static address first), then deletes {@link NetAction.MoveAddresses#removed()} from the old card.
     *
     * <p>Contract relied on by the decisions: when an add fails, the mover deletes what it already added on the
     * target and throws, so the addresses are still on the old card. A failed delete on the old card (whose link is
     * down anyway) is not a failure of the move; log it and go on.
     *
     * @throws IOException naming the address and card that could not be set up
     */
    void move(NetAction.MoveAddresses move) throws IOException;

    /**
     * Sends a gratuitous ARP for {@code address} from {@code card}, so switches and neighbours learn its new place.
     *
     * @throws IOException naming the card and address
     */
    void sendGratuitousArp(String card, CardAddress address) throws IOException;
}

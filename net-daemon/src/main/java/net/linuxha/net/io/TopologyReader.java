package net.linuxha.net.io;

import java.io.IOException;
import java.util.List;

import net.linuxha.net.NetworkSetup;

/**
 * Reads this node's networks from clconf and each card's current addresses ({@code ip addr}) and carrier. To be
 * implemented on the config records and the shell layer. Used at start-up and for {@code REREAD}.
 */
public interface TopologyReader {

    /** @throws IOException naming the network when clconf does not define it for this node or cannot be read */
    NetworkSetup read(String network) throws IOException;

    /** @throws IOException naming the file when clconf cannot be read */
    List<NetworkSetup> readAll() throws IOException;
}

package net.linuxha.lems.server;

import java.io.IOException;
import java.util.Optional;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorCreationException;

/**
 * Where {@code INSTALL monitor} finds a check: the configuration file read again, and a monitor made with module
 * code loaded again (Reference 16.6, 24.5).
 */
public interface MonitorSource {

    /** The check of that name in the configuration file as it is now; empty when the file has none. */
    Optional<LemsCheck> definition(String name) throws IOException;

    /** A new monitor for {@code check}, from freshly loaded module code. */
    Monitor create(LemsCheck check) throws MonitorCreationException;

    /** The file {@link #definition} reads, for messages. */
    String describe();
}

package net.linuxha.cluster.daemon;

import net.linuxha.cluster.membership.Log;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cluster daemon's log ("INFO dd/mm/yyyy hh:mm:ss text", 17.1.3): one logger, so every line looks the same. */
public final class DaemonLog {

    public static final Logger LOG = LoggerFactory.getLogger("cldaemon");

    private DaemonLog() {
    }

    /** Writes a line a pure state machine asked for. */
    public static void write(Log line) {
        switch (line.level()) {
            case INFO -> LOG.info("{}", line.text());
            case WARN -> LOG.warn("{}", line.text());
            case ERROR -> LOG.error("{}", line.text());
            default -> throw new IllegalStateException("unknown level " + line.level());
        }
    }
}

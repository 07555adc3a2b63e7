package net.linuxha.lock;

import java.io.IOException;

/** What the ABORT, VERBOSE and LOGCYCLE requests act on: the daemon's life and its logging. */
interface DaemonControls {

    /** Stops the daemon soon, after the answer to ABORT has gone out. */
    void abort();

    void setVerbose(boolean on);

    /**
     * Cycles the log file, keeping {@code count} old copies.
     *
     * @throws IllegalStateException when logging goes to the terminal
     */
    void cycleLogs(int count) throws IOException;
}

package net.linuxha.lems.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.lems.action.ExitReason;
import net.linuxha.lems.schedule.CheckStatus;
import net.linuxha.lems.spi.Monitor;

/** What the request handler may do to a running Lems; {@link net.linuxha.lems.schedule.LemsEngine} does it. */
public interface LemsOperations {

    Instant now();

    List<CheckStatus> statuses();

    Optional<CheckStatus> status(String name);

    void pauseAll();

    void resumeAll();

    boolean pauseOne(String name);

    /** The interval after which the check runs again; empty when there is no such check. */
    Optional<Duration> resumeOne(String name);

    /** Removes a check and closes its monitor; false when there is no such check. */
    boolean remove(String name);

    /** Adds a check; false when one of that name exists. */
    boolean install(LemsCheck definition, Monitor monitor);

    /** Stops scheduling; the daemon exits once the reply has been sent. */
    void requestExit(ExitReason reason);
}

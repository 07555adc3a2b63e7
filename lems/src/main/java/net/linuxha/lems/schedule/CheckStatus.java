package net.linuxha.lems.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.lems.spi.Monitor;

/**
 * A snapshot of one check for {@code GET_STAT} / {@code GET_VSTAT} and status tables.
 *
 * @param nextRun  when it runs next; empty when stopped (GET_STAT writes 0)
 * @param interval its current interval (START can change it)
 * @param running  a run is on a worker thread now
 */
public record CheckStatus(LemsCheck definition, Monitor monitor, Optional<Instant> nextRun,
                          Duration interval, boolean running) {

    public String name() {
        return definition.name();
    }
}

package net.linuxha.lems.schedule;

import java.time.Instant;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.lems.spi.Monitor;

/** A check the schedule wants run now, with the id its result must carry back and the time it must be done by. */
public record RunOrder(LemsCheck definition, Monitor monitor, long runId, Instant deadline) {

    public String name() {
        return definition.name();
    }
}

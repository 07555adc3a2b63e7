package net.linuxha.common.config;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One {@code <action rc="N" action="..."/>} of a Lems check (24.2, 24.3): what to do when the monitor returns
 * {@code rc}. Several actions are separated by ';' and run in order, e.g. {@code RUNCMD email root; FAILOVER}.
 *
 * @param rc    the monitor's return code
 * @param raw   the action text as written
 * @param steps {@code raw} split on ';', trimmed, blanks dropped
 */
public record LemsAction(int rc, String raw, List<String> steps) {

    public LemsAction {
        Objects.requireNonNull(raw, "raw");
        steps = List.copyOf(steps);
    }

    public static LemsAction of(int rc, String raw) {
        return new LemsAction(rc, raw, Arrays.stream(raw.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .toList());
    }
}

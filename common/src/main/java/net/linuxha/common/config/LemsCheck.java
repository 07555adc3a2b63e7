package net.linuxha.common.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code <check>} of lems.local.xml (24.2): a monitor run every {@code interval}, and its action list.
 *
 * @param name      unique name of the check
 * @param type      INTERNAL (a module) or PROGRAM (an executable in the programs directory)
 * @param module    the module or program name, the first word of {@code <module>}
 * @param arguments the remaining words of {@code <module>}
 * @param interval  seconds between runs, 0.5 to 3600; zero means the check only runs when an action starts it
 * @param actions   the action list in file order
 */
public record LemsCheck(String name, Type type, String module, List<String> arguments, Duration interval,
                        List<LemsAction> actions) {

    public enum Type {
        INTERNAL, PROGRAM
    }

    public LemsCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(module, "module");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(interval, "interval");
        actions = List.copyOf(actions);
    }

    /** Zero interval: the check is not scheduled on its own (24.2 move_ip). */
    public boolean triggeredOnly() {
        return interval.isZero();
    }

    public Optional<LemsAction> actionFor(int rc) {
        return actions.stream().filter(a -> a.rc() == rc).findFirst();
    }
}

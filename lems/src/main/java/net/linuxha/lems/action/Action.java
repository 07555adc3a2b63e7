package net.linuxha.lems.action;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One action of an action list (Reference 24.3). {@link ActionList#parse(String)} makes them from text; an entry
 * that is unknown or malformed becomes {@link Invalid} so that it is logged and skipped while the rest still run.
 */
public sealed interface Action {

    /** {@code NOP}: nothing; the check stays scheduled. */
    record Nop() implements Action {
    }

    /** {@code HALT|STOP [check]}: the named check, or the current one when none is named, is suspended. */
    record Stop(Optional<String> check) implements Action {
        public Stop {
            Objects.requireNonNull(check, "check");
        }
    }

    /**
     * {@code START|RUN check [int]}: the check is scheduled for now plus its interval if it is not already
     * scheduled; {@code int} becomes its new interval.
     */
    record Start(String check, Optional<Duration> interval) implements Action {
        public Start {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(interval, "interval");
        }
    }

    /** {@code ABORT|FAILOVER}: ask the local cldaemon to fail the application over, then Lems exits. */
    record Failover() implements Action {
    }

    /** {@code HALTAPP|STOPAPP}: ask the local cldaemon to stop the application (no fail-over), then Lems exits. */
    record HaltApplication() implements Action {
    }

    /** {@code PAUSE [X]}: the current check is not run again for X seconds (default 30); its interval is kept. */
    record Pause(Duration delay) implements Action {
        /** The delay when none is given. */
        public static final Duration DEFAULT_DELAY = Duration.ofSeconds(30);

        public Pause {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** {@code RUNCMD cmd arg...}: the command runs in the background, output to the check's RUNCMD files. */
    record RunCommand(List<String> argv) implements Action {
        public RunCommand {
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("RUNCMD needs a command");
            }
        }
    }

    /** {@code REMOVEMON}: the current check is removed from the running configuration. */
    record RemoveMonitor() implements Action {
    }

    /** An entry that could not be understood; {@code reason} says why and what is accepted. */
    record Invalid(String text, String reason) implements Action {
        public Invalid {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reason, "reason");
        }
    }
}

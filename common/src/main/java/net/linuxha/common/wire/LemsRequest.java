package net.linuxha.common.wire;

import java.util.Optional;

/**
 * Requests to a Lems daemon, Reference 24.5 and 16, in the Reference's positional form:
 * {@code PAUSE httpd}, {@code CMD httpd MAXCOUNT 10}, {@code VERBOSE OFF}, {@code LOGCYCLE 5}.
 */
public sealed interface LemsRequest extends Request {

    Vocabulary<LemsRequest> VOCABULARY = Vocabulary.<LemsRequest>builder("Lems daemon")
            .add("GET_STAT [monitor]", r -> new GetStat(r.positional()))
            .add("GET_VSTAT [monitor]", r -> new GetVstat(r.positional()))
            .add("CMD monitor text...", r -> new Cmd(r.requiredPositional("monitor name"), r.rest()))
            .add("PAUSE [monitor]", r -> new Pause(r.positional()))
            .add("RESUME [monitor]", r -> new Resume(r.positional()))
            .add("REMOVE monitor", r -> new Remove(r.requiredPositional("monitor name")))
            .add("INSTALL monitor", r -> new Install(r.requiredPositional("monitor name")))
            .add("ABORT", r -> new Abort())
            .add("VERBOSE ON|OFF", r -> new Verbose(CommonArgs.verbose(r)))
            .add("LOGCYCLE N", r -> new LogCycle(CommonArgs.logCount(r)))
            .build();

    record GetStat(Optional<String> monitor) implements LemsRequest {
        public String keyword() { return "GET_STAT"; }
        public Args args() { return Args.builder().positional(monitor).build(); }
    }

    record GetVstat(Optional<String> monitor) implements LemsRequest {
        public String keyword() { return "GET_VSTAT"; }
        public Args args() { return Args.builder().positional(monitor).build(); }
    }

    /** @param text the words for the monitor, e.g. {@code MAXCOUNT 10}; may be empty */
    record Cmd(String monitor, String text) implements LemsRequest {
        public String keyword() { return "CMD"; }
        public Args args() {
            // The text travels as one escaped word so that its spaces and '=' reach the monitor unchanged.
            Args.Builder b = Args.builder().positional(monitor);
            return (text.isEmpty() ? b : b.positional(text)).build();
        }
    }

    record Pause(Optional<String> monitor) implements LemsRequest {
        public String keyword() { return "PAUSE"; }
        public Args args() { return Args.builder().positional(monitor).build(); }
    }

    record Resume(Optional<String> monitor) implements LemsRequest {
        public String keyword() { return "RESUME"; }
        public Args args() { return Args.builder().positional(monitor).build(); }
    }

    record Remove(String monitor) implements LemsRequest {
        public String keyword() { return "REMOVE"; }
        public Args args() { return Args.builder().positional(monitor).build(); }
    }

    record Install(String monitor) implements LemsRequest {
        public String keyword() { return "INSTALL"; }
        public Args args() { return Args.builder().positional(monitor).build(); }
    }

    record Abort() implements LemsRequest {
        public String keyword() { return "ABORT"; }
        public Args args() { return Args.EMPTY; }
    }

    record Verbose(boolean on) implements LemsRequest {
        public String keyword() { return "VERBOSE"; }
        public Args args() { return Args.builder().positional(on ? "ON" : "OFF").build(); }
    }

    /** @param count rotated logs kept, 1 to 99 */
    record LogCycle(int count) implements LemsRequest {
        public String keyword() { return "LOGCYCLE"; }
        public Args args() { return Args.builder().positional(Integer.toString(count)).build(); }
    }
}

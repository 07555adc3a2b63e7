package net.linuxha.common.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Readers for what several daemons share: the {@link ControlRequest}s of the lock and network daemons, and the
 * arguments of VERBOSE and LOGCYCLE, accepting the Reference's two spellings.
 */
final class CommonArgs {

    static final int MAX_LOG_COUNT = 99;

    private CommonArgs() {
    }

    /** The vocabulary entries of the {@link ControlRequest}s, in the order HELP lists them. */
    static Map<String, Vocabulary.Reader<ControlRequest>> controlRequests() {
        Map<String, Vocabulary.Reader<ControlRequest>> entries = new LinkedHashMap<>();
        entries.put("ECHO", r -> new ControlRequest.Echo());
        entries.put("HELP", r -> new ControlRequest.Help());
        entries.put("ABORT", r -> new ControlRequest.Abort());
        entries.put("VERBOSE on=true|off=true", r -> new ControlRequest.Verbose(verbose(r)));
        entries.put("LOGCYCLE count=N", r -> new ControlRequest.LogCycle(logCount(r)));
        return entries;
    }

    /** {@code on=true}, {@code off=true} (cldaemonctl, 17.1.3) or a bare {@code ON}/{@code OFF} (lemsctl, 16.8). */
    static boolean verbose(ArgReader r) throws WireFormatException {
        boolean on = r.flag("on");
        boolean off = r.flag("off");
        Optional<String> word = r.positional();
        if (word.isPresent()) {
            boolean wordOn = ArgReader.oneOf("VERBOSE", word.get(), "ON", "OFF").equals("ON");
            on |= wordOn;
            off |= !wordOn;
        }
        if (on == off) {
            throw new WireFormatException(ParseError.Kind.MISSING_ARG, "say either on=true or off=true");
        }
        return on;
    }

    /** {@code count=N} (cldaemonctl, 17.1.3) or a bare {@code N} (lemsctl, 16.8), 1 to 99. */
    static int logCount(ArgReader r) throws WireFormatException {
        OptionalInt named = r.optionalInt("count", 1, MAX_LOG_COUNT);
        Optional<String> word = r.positional();
        if (named.isPresent() && word.isPresent()) {
            throw new WireFormatException(ParseError.Kind.MALFORMED_ARG, "give the count once");
        }
        if (named.isPresent()) {
            return named.getAsInt();
        }
        if (word.isPresent()) {
            return ArgReader.toInt("count", word.get(), 1, MAX_LOG_COUNT);
        }
        throw new WireFormatException(ParseError.Kind.MISSING_ARG, "count=<1-99> is required");
    }
}

package net.linuxha.common.wire;

import java.util.Optional;
import java.util.OptionalInt;

/** Readers for arguments several daemons share (VERBOSE, LOGCYCLE), accepting the Reference's two spellings. */
final class CommonArgs {

    static final int MAX_LOG_COUNT = 99;

    private CommonArgs() {
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

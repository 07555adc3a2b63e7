package net.linuxha.common.wire;

import java.util.Objects;

/**
 * Why a request text was not understood.
 *
 * @param request the request name as given (uppercased), empty if none
 * @param detail  what is wrong, naming the argument
 * @param usage   the request's syntax, or the hint to send HELP, so the sender knows how to fix it
 */
public record ParseError(Kind kind, String request, String detail, String usage) {

    public enum Kind {
        EMPTY,
        UNKNOWN_REQUEST,
        /** A mandatory argument is absent; answered with the Reference's {@code MISSING_ARG}. */
        MISSING_ARG,
        MALFORMED_ARG,
        UNKNOWN_ARG
    }

    public ParseError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(usage, "usage");
    }

    /** The answer a daemon sends back: {@code MISSING_ARG ...} as in the Reference, {@code ERROR ...} otherwise. */
    public Reply toReply() {
        String head = kind == Kind.MISSING_ARG ? "MISSING_ARG " : "ERROR ";
        return Reply.of(head + detail + "; " + usage);
    }

    @Override
    public String toString() {
        return kind + " " + detail + "; " + usage;
    }
}

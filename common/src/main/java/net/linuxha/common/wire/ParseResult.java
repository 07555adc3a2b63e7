package net.linuxha.common.wire;

import java.util.Objects;

/** A request text read against a vocabulary: the typed request, or why it could not be read. */
public sealed interface ParseResult<R extends Request> {

    record Parsed<R extends Request>(R request) implements ParseResult<R> {
        public Parsed {
            Objects.requireNonNull(request, "request");
        }
    }

    record Failed<R extends Request>(ParseError error) implements ParseResult<R> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}

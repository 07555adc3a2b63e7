package net.linuxha.common.wire;

/** A request text that does not fit the vocabulary; turned into a {@link ParseError} before leaving the package. */
final class WireFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ParseError.Kind kind;

    WireFormatException(ParseError.Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    ParseError.Kind kind() {
        return kind;
    }
}

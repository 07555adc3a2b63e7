package net.linuxha.common.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one argument list of every request: named {@code name=value} arguments and positional words, in order.
 * Names compare without case ({@code APP=apache} is {@code app=apache}, as the Reference's examples use both);
 * values are escaped by {@link ArgEscaping} so that any text round-trips.
 */
public record Args(List<Arg> list) {

    public static final Args EMPTY = new Args(List.of());

    public Args {
        list = List.copyOf(list);
    }

    /** Parses the arguments after the request name, separated by runs of spaces or tabs. */
    static Args parse(String text) throws WireFormatException {
        List<Arg> out = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            if (isBlank(text.charAt(at))) {
                at++;
                continue;
            }
            int end = at;
            while (end < text.length() && !isBlank(text.charAt(end))) {
                end++;
            }
            String token = text.substring(at, end);
            at = end;
            int eq = token.indexOf('=');
            if (eq < 0) {
                out.add(Arg.positional(ArgEscaping.unescape(token)));
                continue;
            }
            String name = token.substring(0, eq);
            if (!Arg.isName(name)) {
                throw new WireFormatException(ParseError.Kind.MALFORMED_ARG, "argument '" + token + "' has no valid"
                        + " name before '=' (letters, digits, _ . - only; escape a literal = as %3D)");
            }
            out.add(Arg.named(name, ArgEscaping.unescape(token.substring(eq + 1))));
        }
        return new Args(out);
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Wire form: the arguments separated by single spaces; empty string when there are none. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (Arg arg : list) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(arg.format());
        }
        return out.toString();
    }

    /** Value of the named argument, compared without case. */
    public Optional<String> get(String name) {
        for (Arg arg : list) {
            if (!arg.isPositional() && arg.name().equalsIgnoreCase(name)) {
                return Optional.of(arg.value());
            }
        }
        return Optional.empty();
    }

    public List<String> positional() {
        return list.stream().filter(Arg::isPositional).map(Arg::value).toList();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return format();
    }

    /** Builds canonical argument lists for the typed requests; flags appear as {@code name=yes} only when set. */
    public static final class Builder {
        private final List<Arg> list = new ArrayList<>();

        public Builder put(String name, String value) {
            Objects.requireNonNull(value, name);
            for (Arg arg : list) {
                if (arg.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("argument " + name + " given twice");
                }
            }
            list.add(Arg.named(name, value));
            return this;
        }

        public Builder put(String name, Optional<String> value) {
            value.ifPresent(v -> put(name, v));
            return this;
        }

        public Builder put(String name, long value) {
            return put(name, Long.toString(value));
        }

        public Builder flag(String name, boolean set) {
            return set ? put(name, "yes") : this;
        }

        public Builder positional(String value) {
            list.add(Arg.positional(value));
            return this;
        }

        public Builder positional(Optional<String> value) {
            value.ifPresent(this::positional);
            return this;
        }

        public Args build() {
            return new Args(list);
        }
    }
}

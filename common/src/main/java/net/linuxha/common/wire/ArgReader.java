package net.linuxha.common.wire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads typed values out of an {@link Args} for one request, remembering what was read so that
 * {@link #finish()} can refuse arguments the request does not know (a typo such as {@code ap=apache} must not
 * pass silently).
 */
final class ArgReader {

    private final Args args;
    private final Set<String> consumedNames = new HashSet<>();
    private final List<String> positional;
    private int positionalRead;

    ArgReader(Args args) throws WireFormatException {
        this.args = args;
        Set<String> names = new HashSet<>();
        for (Arg arg : args.list()) {
            if (!arg.isPositional() && !names.add(arg.name().toLowerCase(Locale.ROOT))) {
                throw new WireFormatException(ParseError.Kind.MALFORMED_ARG, "argument " + arg.name()
                        + " given twice");
            }
        }
        this.positional = new ArrayList<>(args.positional());
    }

    Optional<String> optional(String name) {
        consumedNames.add(name.toLowerCase(Locale.ROOT));
        return args.get(name);
    }

    String required(String name) throws WireFormatException {
        Optional<String> value = optional(name);
        if (value.isEmpty() || value.get().isEmpty()) {
            throw new WireFormatException(ParseError.Kind.MISSING_ARG, name + "=<value> is required");
        }
        return value.get();
    }

    boolean flag(String name) throws WireFormatException {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return false;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "on":
                return true;
            case "no", "n", "false", "0", "off":
                return false;
            default:
                throw new WireFormatException(ParseError.Kind.MALFORMED_ARG, name + "=" + value.get()
                        + " is not yes or no");
        }
    }

    int requiredInt(String name, int min, int max) throws WireFormatException {
        return toInt(name, required(name), min, max);
    }

    OptionalInt optionalInt(String name, int min, int max) throws WireFormatException {
        Optional<String> value = optional(name);
        return value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(toInt(name, value.get(), min, max));
    }

    static int toInt(String name, String value, int min, int max) throws WireFormatException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new WireFormatException(ParseError.Kind.MALFORMED_ARG, name + "=" + value + " must be a whole number"
                + " from " + min + " to " + max);
    }

    /** The value in upper case if it is one of {@code allowed} (compared without case). */
    Optional<String> optionalOneOf(String name, String... allowed) throws WireFormatException {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return value;
        }
        return Optional.of(oneOf(name, value.get(), allowed));
    }

    String requiredOneOf(String name, String... allowed) throws WireFormatException {
        return oneOf(name, required(name), allowed);
    }

    static String oneOf(String name, String value, String... allowed) throws WireFormatException {
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new WireFormatException(ParseError.Kind.MALFORMED_ARG, name + "=" + value + " must be one of "
                + String.join(", ", allowed));
    }

    Optional<String> positional() {
        return positionalRead < positional.size() ? Optional.of(positional.get(positionalRead++)) : Optional.empty();
    }

    String requiredPositional(String what) throws WireFormatException {
        return positional().orElseThrow(() -> new WireFormatException(ParseError.Kind.MISSING_ARG,
                "the " + what + " is required"));
    }

    /**
     * Everything not read yet, as the sender typed it: for Lems {@code CMD monitor text...}, whose text belongs to
     * the monitor and may contain {@code =}.
     */
    String rest() {
        StringBuilder out = new StringBuilder();
        int skipped = 0;
        for (Arg arg : args.list()) {
            if (arg.isPositional() && skipped < positionalRead) {
                skipped++;
                continue;
            }
            if (!arg.isPositional() && consumedNames.contains(arg.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(arg.isPositional() ? arg.value() : arg.name() + "=" + arg.value());
            if (!arg.isPositional()) {
                consumedNames.add(arg.name().toLowerCase(Locale.ROOT));
            }
        }
        positionalRead = positional.size();
        return out.toString();
    }

    /** Refuses anything left unread. */
    void finish() throws WireFormatException {
        if (positionalRead < positional.size()) {
            throw new WireFormatException(ParseError.Kind.UNKNOWN_ARG, "unexpected word '"
                    + positional.get(positionalRead) + "'");
        }
        for (Arg arg : args.list()) {
            if (!arg.isPositional() && !consumedNames.contains(arg.name().toLowerCase(Locale.ROOT))) {
                throw new WireFormatException(ParseError.Kind.UNKNOWN_ARG, "unknown argument " + arg.name());
            }
        }
    }
}

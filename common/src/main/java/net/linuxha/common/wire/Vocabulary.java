package net.linuxha.common.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The requests one daemon understands, with their syntax; reads request text into typed requests. Immutable.
 *
 * <p>Request names are read without case ({@code echo} is {@code ECHO}). Reading never throws: an empty text, an
 * unknown name, a missing mandatory argument, a malformed or unknown argument all give a {@link ParseError}
 * whose reply tells the sender the syntax.
 */
public final class Vocabulary<R extends Request> {

    /** Builds one request from its arguments. */
    interface Reader<R> {
        R read(ArgReader args) throws WireFormatException;
    }

    private record Entry<R>(String usage, Reader<? extends R> reader) {
    }

    private final String daemon;
    private final Map<String, Entry<R>> entries;

    private Vocabulary(String daemon, Map<String, Entry<R>> entries) {
        this.daemon = daemon;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Who speaks this vocabulary, e.g. "cluster daemon", for error texts. */
    public String daemon() {
        return daemon;
    }

    /** Request names in table order, e.g. for the answer to HELP. */
    public Set<String> keywords() {
        return entries.keySet();
    }

    /** Syntax of one request, e.g. {@code APP_STATUS app=name [lvinfo=yes] ...}; null if unknown. */
    public String usage(String keyword) {
        Entry<R> entry = entries.get(keyword.toUpperCase(Locale.ROOT));
        return entry == null ? null : entry.usage;
    }

    public ParseResult<R> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return failed(ParseError.Kind.EMPTY, "", "empty request");
        }
        int space = firstBlank(trimmed);
        String name = space < 0 ? trimmed : trimmed.substring(0, space);
        String keyword = name.toUpperCase(Locale.ROOT);
        Entry<R> entry = isKeyword(name) ? entries.get(keyword) : null;
        if (entry == null) {
            String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
            return failed(ParseError.Kind.UNKNOWN_REQUEST, "", "unknown request "
                    + shown.replaceAll("\\p{Cntrl}", "?") + " for the " + daemon);
        }
        try {
            ArgReader reader = new ArgReader(Args.parse(space < 0 ? "" : trimmed.substring(space + 1)));
            R request = entry.reader.read(reader);
            reader.finish();
            return new ParseResult.Parsed<>(request);
        } catch (WireFormatException e) {
            return new ParseResult.Failed<>(new ParseError(e.kind(), keyword, keyword + ": " + e.getMessage(),
                    "usage: " + entry.usage));
        }
    }

    private ParseResult<R> failed(ParseError.Kind kind, String keyword, String detail) {
        return new ParseResult.Failed<>(new ParseError(kind, keyword, detail, "send HELP for the requests the "
                + daemon + " knows"));
    }

    /** {@code [A-Za-z][A-Za-z0-9_]*}. */
    private static boolean isKeyword(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!(letter || i > 0 && (c >= '0' && c <= '9' || c == '_'))) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    private static int firstBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    static <R extends Request> Builder<R> builder(String daemon) {
        return new Builder<>(daemon);
    }

    static final class Builder<R extends Request> {
        private final String daemon;
        private final Map<String, Entry<R>> entries = new LinkedHashMap<>();

        private Builder(String daemon) {
            this.daemon = daemon;
        }

        /** @param usage the full syntax, starting with the keyword */
        Builder<R> add(String usage, Reader<? extends R> reader) {
            String keyword = usage.split(" ", 2)[0];
            if (entries.put(keyword, new Entry<>(usage, reader)) != null) {
                throw new IllegalStateException(keyword + " defined twice");
            }
            return this;
        }

        /** Requests several vocabularies share ({@link ControlRequest}), in the map's order. */
        Builder<R> addAll(Map<String, ? extends Reader<? extends R>> readers) {
            readers.forEach(this::add);
            return this;
        }

        Vocabulary<R> build() {
            return new Vocabulary<>(daemon, entries);
        }
    }
}

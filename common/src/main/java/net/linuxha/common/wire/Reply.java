package net.linuxha.common.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A daemon's answer: text, as in the Reference ({@code OK}, {@code OK servername}, {@code UP},
 * {@code NOT_REGISTERED}, {@code MISSING_ARG}, {@code ERROR ...}, comma separated lists, several lines for
 * {@code APP_STATUS lvinfo=yes} or {@code GET_STAT}). Framed exactly like a request.
 */
public record Reply(String text) {

    public Reply {
        Objects.requireNonNull(text, "text");
    }

    public static Reply of(String text) {
        return new Reply(text);
    }

    public static Reply ok() {
        return new Reply("OK");
    }

    /** {@code OK detail}, e.g. {@code OK sl4s1} for PNODE. */
    public static Reply ok(String detail) {
        return new Reply(detail.isEmpty() ? "OK" : "OK " + detail);
    }

    /** {@code ERROR message}; the message should name what is wrong and how to fix it. */
    public static Reply error(String message) {
        return new Reply("ERROR " + message);
    }

    /** A comma separated list, as APP_LIST and HELP answer. */
    public static Reply list(List<String> items) {
        return new Reply(String.join(",", items));
    }

    /** The first word: {@code OK}, {@code UP}, {@code ERROR}, {@code NOT_REGISTERED}, ... */
    public String code() {
        int end = 0;
        while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '\n') {
            end++;
        }
        return text.substring(0, end);
    }

    /** Everything after the first word and its separator; empty if none. */
    public String detail() {
        String code = code();
        return code.length() < text.length() ? text.substring(code.length() + 1) : "";
    }

    public boolean isOk() {
        return code().equals("OK");
    }

    /** True for {@code ERROR ...}, the Reference's sign of failure (17.4). */
    public boolean isError() {
        return code().startsWith("ERROR");
    }

    public List<String> lines() {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    /** The text split at commas (APP_LIST, APP_STATUS, HELP answers). */
    public List<String> fields() {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(",", -1));
    }

    @Override
    public String toString() {
        return text;
    }
}

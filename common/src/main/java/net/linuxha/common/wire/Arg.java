package net.linuxha.common.wire;

import java.util.Objects;

/**
 * One argument of a request: {@code name=value}, or a positional word when {@code name} is empty (Lems requests
 * such as {@code PAUSE httpd}, Reference 24.5).
 */
public record Arg(String name, String value) {


    public Arg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!name.isEmpty() && !isName(name)) {
            throw new IllegalArgumentException("argument name '" + name + "' may hold only letters, digits, _ . -");
        }
        if (name.isEmpty() && value.isEmpty()) {
            throw new IllegalArgumentException("a positional argument cannot be empty");
        }
    }

    /** True for a non-empty run of ASCII letters, digits, {@code _ . -}; a loop, as it runs for every argument. */
    static boolean isName(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static Arg named(String name, String value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a named argument needs a name");
        }
        return new Arg(name, value);
    }

    public static Arg positional(String value) {
        return new Arg("", value);
    }

    public boolean isPositional() {
        return name.isEmpty();
    }

    /** Wire form: {@code name=escaped-value} or {@code escaped-value}. */
    public String format() {
        return isPositional() ? ArgEscaping.escape(value) : name + "=" + ArgEscaping.escape(value);
    }
}

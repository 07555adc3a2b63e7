package net.linuxha.common.wire;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One argument of a request: {@code name=value}, or a positional word when {@code name} is empty (Lems requests
 * such as {@code PAUSE httpd}, Reference 24.5).
 */
public record Arg(String name, String value) {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    public Arg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("argument name '" + name + "' must match " + NAME);
        }
        if (name.isEmpty() && value.isEmpty()) {
            throw new IllegalArgumentException("a positional argument cannot be empty");
        }
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

package net.linuxha.lems.model;

import java.util.Locale;

/** The {@code type} of a check (Reference 24.2): a module loaded into Lems, or an external program. */
public enum CheckType {
    /** A {@link net.linuxha.lems.spi.MonitorFactory} module found by name. */
    INTERNAL,
    /** A program in the {@code programs} directory; its exit code is the return code. */
    PROGRAM;

    /** {@code internal} or {@code program}, any case. */
    public static CheckType parse(String text, String checkName) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "internal" -> INTERNAL;
            case "program" -> PROGRAM;
            default -> throw new IllegalArgumentException("check " + checkName + " has type '" + text
                    + "'; use internal (a Lems module) or program (a program in the programs directory)");
        };
    }
}

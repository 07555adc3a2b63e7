package net.linuxha.common.shell;

import java.util.List;
import java.util.stream.Collectors;

/** Renders an argv for humans (logs, error messages); never used to build something a shell will parse. */
final class CommandLineText {

    private CommandLineText() {
    }

    static String join(List<String> argv) {
        return argv.stream().map(CommandLineText::quoteIfNeeded).collect(Collectors.joining(" "));
    }

    private static String quoteIfNeeded(String arg) {
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"')) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** The first {@code max} characters of {@code text}, trimmed, with a marker when cut. */
    static String excerpt(String text, int max) {
        String trimmed = text.strip();
        if (trimmed.length() <= max) {
            return trimmed;
        }
        return trimmed.substring(0, max) + "...";
    }
}

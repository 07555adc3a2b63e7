package net.linuxha.common.config;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A start, stop or restart command from a configuration file: an absolute program path followed by white-space
 * separated arguments (9.1). No shell is involved.
 */
public record ScriptCommand(String raw, String program, List<String> arguments) {

    public ScriptCommand {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(program, "program");
        arguments = List.copyOf(arguments);
    }

    /** Splits {@code raw} on white space; null when it is blank. */
    public static ScriptCommand parse(String raw) {
        String[] words = raw.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        return new ScriptCommand(raw.strip(), words[0], Arrays.asList(words).subList(1, words.length));
    }

    /** Program and arguments, ready for a command runner. */
    public List<String> argv() {
        return Stream.concat(Stream.of(program), arguments.stream()).toList();
    }
}

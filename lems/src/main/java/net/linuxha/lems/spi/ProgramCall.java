package net.linuxha.lems.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A program and its arguments ({@code argv[0]} is the program), with environment variables to add to the
 * daemon's own. No shell is involved: arguments are passed as they are.
 */
public record ProgramCall(List<String> argv, Map<String, String> environment) {

    public ProgramCall {
        argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        if (argv.isEmpty() || argv.get(0).isBlank()) {
            throw new IllegalArgumentException("a program call needs a program name, got " + argv);
        }
    }

    public static ProgramCall of(List<String> argv) {
        return new ProgramCall(argv, Map.of());
    }

    public String program() {
        return argv.get(0);
    }

    /** The command line as a person would type it, for log lines. */
    public String commandLine() {
        return String.join(" ", argv);
    }
}

package net.linuxha.common.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One command to run to completion: an argv list (never parsed by a shell unless built with {@link #shell(String)}),
 * optional standard input, environment additions, working directory, timeout and a bound on captured output.
 *
 * <p>A {@link #probe} asks a question whose "no" is a non-zero exit ({@code ping}, {@code test -e}, {@code fuser}):
 * the runner logs its non-zero exit at debug level instead of as a warning.
 *
 * <p>Immutable; the {@code with...} methods return copies.
 */
public record Command(List<String> argv, Optional<byte[]> stdin, Map<String, String> environment,
                      Optional<Path> workDir, Duration timeout, int maxOutputBytes, boolean probe) {

    /** Long enough for fsck of a large file system; drivers pass shorter ones for quick tools. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** Per stream; enough for any report we parse, small enough that a runaway tool cannot exhaust the heap. */
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

    public Command {
        Objects.requireNonNull(argv, "argv");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("A command needs at least the program name");
        }
        for (String arg : argv) {
            Objects.requireNonNull(arg, "argv element of " + argv);
        }
        argv = List.copyOf(argv);
        Objects.requireNonNull(stdin, "stdin");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Command timeout must be positive, got " + timeout);
        }
        if (maxOutputBytes <= 0) {
            throw new IllegalArgumentException("maxOutputBytes must be positive, got " + maxOutputBytes);
        }
    }

    /** A program and its arguments, run directly (no shell). */
    public static Command of(String program, String... args) {
        List<String> argv = new ArrayList<>(args.length + 1);
        argv.add(program);
        argv.addAll(List.of(args));
        return of(argv);
    }

    public static Command of(List<String> argv) {
        return new Command(argv, Optional.empty(), Map.of(), Optional.empty(), DEFAULT_TIMEOUT,
                DEFAULT_MAX_OUTPUT_BYTES, false);
    }

    /** Explicitly through {@code sh -c}: only for scripts the administrator wrote (start/stop scripts, RUNCMD). */
    public static Command shell(String script) {
        return of("sh", "-c", script);
    }

    public Command withStdin(String text) {
        return withStdin(text.getBytes(StandardCharsets.UTF_8));
    }

    public Command withStdin(byte[] bytes) {
        return new Command(argv, Optional.of(bytes.clone()), environment, workDir, timeout, maxOutputBytes, probe);
    }

    /** Adds to (never replaces) the environment inherited from this JVM. */
    public Command withEnv(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, value);
        return new Command(argv, stdin, env, workDir, timeout, maxOutputBytes, probe);
    }

    public Command withWorkDir(Path dir) {
        return new Command(argv, stdin, environment, Optional.of(dir), timeout, maxOutputBytes, probe);
    }

    public Command withTimeout(Duration newTimeout) {
        return new Command(argv, stdin, environment, workDir, newTimeout, maxOutputBytes, probe);
    }

    public Command withMaxOutputBytes(int bytes) {
        return new Command(argv, stdin, environment, workDir, timeout, bytes, probe);
    }

    /** The same command as a {@link #probe}: its non-zero exit is an answer, not a failure worth a warning. */
    public Command asProbe() {
        return new Command(argv, stdin, environment, workDir, timeout, maxOutputBytes, true);
    }

    /** The same command with {@code prefix} in front, e.g. {@code ip netns exec NS}. */
    public Command prefixedWith(List<String> prefix) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(argv);
        return new Command(all, stdin, environment, workDir, timeout, maxOutputBytes, probe);
    }

    public String program() {
        return argv.get(0);
    }

    /** The argv joined for logs and messages; quotes arguments that contain spaces so they read unambiguously. */
    public String display() {
        return CommandLineText.join(argv);
    }
}

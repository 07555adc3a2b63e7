package net.linuxha.common.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A long-running process (application start script, RUNCMD, a daemon): standard input from /dev/null, standard
 * output and error appended to files, so nothing of ours has to keep reading from it.
 *
 * @param argv        program and arguments; a shell only if the caller put {@code sh -c} there
 * @param environment additions to the inherited environment
 * @param workDir     working directory, or the JVM's
 * @param stdoutFile  file standard output is appended to
 * @param stderrFile  file standard error is appended to; may equal {@code stdoutFile}
 */
public record BackgroundCommand(List<String> argv, Map<String, String> environment, Optional<Path> workDir,
                                Path stdoutFile, Path stderrFile) {

    public BackgroundCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("A command needs at least the program name");
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(stdoutFile, "stdoutFile");
        Objects.requireNonNull(stderrFile, "stderrFile");
    }

    public static BackgroundCommand of(List<String> argv, Path stdoutFile, Path stderrFile) {
        return new BackgroundCommand(argv, Map.of(), Optional.empty(), stdoutFile, stderrFile);
    }

    public BackgroundCommand withEnv(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, value);
        return new BackgroundCommand(argv, env, workDir, stdoutFile, stderrFile);
    }

    public BackgroundCommand withWorkDir(Path dir) {
        return new BackgroundCommand(argv, environment, Optional.of(dir), stdoutFile, stderrFile);
    }

    public BackgroundCommand prefixedWith(List<String> prefix) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(argv);
        return new BackgroundCommand(all, environment, workDir, stdoutFile, stderrFile);
    }

    public String display() {
        return CommandLineText.join(argv);
    }
}

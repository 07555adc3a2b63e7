package net.linuxha.lems.spi;

import java.util.Objects;

/** How a program run by {@link ProgramRunner#run} ended. {@code exitCode} is -1 when it was killed on timeout. */
public record ProgramResult(int exitCode, String stdout, String stderr, boolean timedOut) {

    public ProgramResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }
}

package net.linuxha.lems.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How Lems starts external programs: RUNCMD actions, procmon restart commands, {@code program} checks and agent
 * checks. Lems itself never starts a process; the daemon is given an implementation backed by the shell layer
 * ({@code net.linuxha.common.shell.CommandRunner}), and tests use one of their own.
 *
 * <p>Implementations must kill the program and return (or throw {@link InterruptedException}) when the calling
 * thread is interrupted, because Lems interrupts a check that overruns its timeout.
 */
public interface ProgramRunner {

    /**
     * Runs {@code call} to completion or until {@code timeout}, capturing its output.
     *
     * @throws IOException when the program could not be started (the message names it)
     */
    ProgramResult run(ProgramCall call, Duration timeout) throws IOException, InterruptedException;

    /**
     * Starts {@code call} in the background and returns at once, appending its standard output and error to the
     * two files (RUNCMD, Reference 24.3.1). Nobody waits for its exit code.
     *
     * @throws IOException when the program could not be started or the files not opened
     */
    void startInBackground(ProgramCall call, Path stdout, Path stderr) throws IOException;
}

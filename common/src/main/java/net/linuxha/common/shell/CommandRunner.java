package net.linuxha.common.shell;

/**
 * The one way the product touches the operating system through processes. Drivers take a runner in their
 * constructor so tests can substitute a recording one and the lab can run the same drivers inside a namespace.
 */
public interface CommandRunner {

    /**
     * Runs a command to completion or until its timeout, when it and all its descendants are killed.
     *
     * @return the result, whatever the exit code; use {@link CommandResult#orThrow()} to require success
     * @throws CommandStartException when the program cannot be started
     */
    CommandResult run(Command command);

    /**
     * Starts a long-running process whose output goes to files, and returns at once.
     *
     * @throws CommandStartException when the program cannot be started
     */
    BackgroundProcess start(BackgroundCommand command);
}

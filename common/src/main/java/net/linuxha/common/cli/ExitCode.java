package net.linuxha.common.cli;

/**
 * How a daemon or tool ends. The Reference asks only that success is 0 and a failure is not ("If an error occurs a
 * non-zero returned code is specified and where possible an error message will be shown to the standard error
 * device", 10.3 on clform); the distinct codes below let scripts and the lab tell the reasons apart.
 */
public enum ExitCode {
    /** Done what was asked. */
    SUCCESS(0),
    /** The operation was tried and failed (an application did not start, a command failed). */
    FAILURE(1),
    /** The command line is wrong: unknown option, missing or bad argument. */
    USAGE(2),
    /**
     * A configuration file is missing, invalid, or changed since it was validated: fix it, or run clbuild /
     * clbuildapp.
     */
    CONFIG(3),
    /** The cluster, a daemon or an application that the request needs is not running. */
    NOT_RUNNING(4),
    /** What should be started is already running. */
    ALREADY_RUNNING(5),
    /** A daemon did not answer in time, or answered something we could not understand. */
    NO_ANSWER(6),
    /** A bug in linuxha: an exception nobody expected. */
    INTERNAL(70);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }
}

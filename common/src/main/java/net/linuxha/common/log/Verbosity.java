package net.linuxha.common.log;

import ch.qos.logback.classic.Level;

/**
 * How much a daemon or tool logs.
 *
 * <p>The Reference: without verbose logging the daemons "operate with very little logging (just reporting on errors
 * or warnings)" (16.8); with {@code --verbose} a tool "will report informational messages ... All lines will start
 * with INFO" (the clbuildapp and clremoveapp option tables). So {@code INFO} lines are the verbose output, and
 * {@code WARN} and {@code ERROR} lines are always written. {@code DEBUG} is developer detail beyond anything the
 * Reference shows; it is written only when verbose logging is on and debugging was asked for when the program
 * started.
 */
public enum Verbosity {
    /** {@code WARN} and {@code ERROR} only: {@code VERBOSE off}, or no {@code --verbose}. */
    QUIET(Level.WARN),
    /** Adds {@code INFO}: {@code VERBOSE on}, or {@code --verbose}. */
    VERBOSE(Level.INFO),
    /** Adds {@code DEBUG}: verbose, plus {@code -Dlinuxha.debug=true} at start-up. */
    DEBUG(Level.DEBUG);

    private final Level threshold;

    Verbosity(Level threshold) {
        this.threshold = threshold;
    }

    /** The least severe level written. */
    public Level threshold() {
        return threshold;
    }

    /** {@code VERBOSE} or {@code QUIET} from a verbose flag; {@code DEBUG} when verbose and {@code debug}. */
    public static Verbosity of(boolean verbose, boolean debug) {
        if (!verbose) {
            return QUIET;
        }
        return debug ? DEBUG : VERBOSE;
    }

    /** Whether the {@code linuxha.debug} system property asks for debug lines. */
    public static boolean debugRequested() {
        return Boolean.getBoolean("linuxha.debug");
    }
}

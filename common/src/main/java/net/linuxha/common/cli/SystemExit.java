package net.linuxha.common.cli;

/**
 * The one way a daemon or tool ends the JVM. Production uses {@link #jvm()}; tests pass one that records the status,
 * so that a main method can be run in a test without killing the test JVM.
 */
@FunctionalInterface
public interface SystemExit {

    /** Ends the process with {@code status} (in a test: records it and returns). */
    void exit(int status);

    default void exit(ExitCode code) {
        exit(code.code());
    }

    /** {@link System#exit(int)}. */
    static SystemExit jvm() {
        return System::exit;
    }
}

package net.linuxha.cli.clbuildapp;

/** A step of --vgbuild, --build or --sync failed; the message names what and how to fix it. */
final class BuildStepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BuildStepException(String message) {
        super(message);
    }

    BuildStepException(String message, Throwable cause) {
        super(message, cause);
    }
}

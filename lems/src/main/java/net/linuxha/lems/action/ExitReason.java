package net.linuxha.lems.action;

/** Why a Lems daemon stops. */
public enum ExitReason {
    /** An ABORT/FAILOVER action asked cldaemon for a fail-over of the application. */
    FAILOVER,
    /** A HALTAPP/STOPAPP action asked cldaemon to stop the application. */
    HALT_APPLICATION,
    /** {@code lemsctl --msg ABORT}: monitoring ends, the application keeps running. */
    ABORT_REQUEST,
    /** The daemon was closed (shutdown of the JVM, tests). */
    CLOSED
}

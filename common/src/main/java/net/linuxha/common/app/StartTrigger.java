package net.linuxha.common.app;

/** Who asked for the start: an administrator running clstartapp, or cldaemon taking the application over. */
public enum StartTrigger {
    COMMAND_LINE,
    /** A fail-over or START_APP by cldaemon (17.5, 21.3): the application's takeover mode sets the force level. */
    TAKEOVER
}

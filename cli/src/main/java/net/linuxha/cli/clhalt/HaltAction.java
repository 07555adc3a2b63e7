package net.linuxha.cli.clhalt;

/** What {@code clhalt --node X} does with applications running on X (13.3). */
public enum HaltAction {
    /** Refuse to halt the node while it runs applications (the default). */
    error,
    /** Halt its applications, then the node's daemon. */
    halt,
    /** Move its applications to the other node, then halt the node's daemon. */
    failover
}

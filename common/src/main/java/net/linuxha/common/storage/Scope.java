package net.linuxha.common.storage;

/** Where a DRBD operation runs: on this node only, or on this node and then on the peer over ssh. */
public enum Scope {
    LOCAL,
    BOTH
}

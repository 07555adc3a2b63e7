package net.linuxha.common.storage;

import net.linuxha.common.app.StartDecision;

/** How {@link ApplicationStorage#makePrimary} promotes this node's DRBD devices. */
public enum PrimaryMode {
    /** {@code drbdadm primary}: refused unless DRBD itself knows this copy is UpToDate. */
    NORMAL,
    /**
     * {@code drbdadm primary}, and when DRBD refuses for lack of UpToDate data, {@code drbdadm primary --force}:
     * this node's copy becomes the valid one and the peer's is overwritten when it connects (4.3: a fail-over after
     * the primary stopped uncleanly, clbuildapp --sync, --force/--reallyforce starts).
     */
    FORCE_IF_NEEDED;

    /** Force only when the start decision (22.4) says the local copy is the one to use. */
    public static PrimaryMode forStart(StartDecision.Start start) {
        return start.localDataCurrent() || start.usesStaleLocalData() ? FORCE_IF_NEEDED : NORMAL;
    }
}

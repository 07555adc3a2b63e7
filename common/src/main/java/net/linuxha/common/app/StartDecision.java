package net.linuxha.common.app;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of clstartapp's start-up decisions (Reference 22.4): start, and with what data, or refuse, and why.
 * Pure: {@link #decide} reads only its inputs; the caller applies the flag updates, writes {@code TIME} (the start
 * time, {@link TimeFile#of}) on this node once the application started, and prints the notices.
 */
public sealed interface StartDecision permits StartDecision.Start, StartDecision.Refuse {

    /** Lines to log, in order (INFO and WARN for a start; WARN then ERROR lines for a refusal). */
    List<Notice> notices();

    static StartDecision decide(StartInputs inputs) {
        return new StartDecider(inputs).decide();
    }

    /**
     * The clstartapp check of 11.2 that follows: registering with the local cluster daemon failed. Without
     * {@code --force} the start is refused with the Reference's lines; with it, the start goes on.
     */
    static Optional<Refuse> whenClusterDaemonUnreachable(ForceLevel force) {
        return force.atLeast(ForceLevel.FORCE) ? Optional.empty()
                : Optional.of(new Refuse(RefusalReason.CLUSTER_DAEMON_UNREACHABLE, StartMessages.daemonUnreachable()));
    }

    /**
     * Start the application here.
     *
     * @param believedNode       whose STALE flags were believed when the nodes disagreed (else this node)
     * @param localDataCurrent   ldata_current: the local copy is used as current for every file system
     * @param remoteDataCurrent  rdata_current: the remote copy is current for every file system
     * @param usesStaleLocalData the local copy was known stale and is used anyway (reallyforce / takeover force)
     * @param flagsAfter         the STALE flags both nodes should hold once the application runs
     * @param localFlags         how to bring this node's status directory to {@code flagsAfter}
     * @param remoteFlags        the same for the remote node; empty when it can not be reached by ssh
     * @param syncs              file systems whose copies differ and which way they must be synchronised
     */
    record Start(String believedNode, boolean localDataCurrent, boolean remoteDataCurrent,
            boolean usesStaleLocalData, StaleFlags flagsAfter, FlagUpdate localFlags,
            Optional<FlagUpdate> remoteFlags, List<SyncTask> syncs, List<Notice> notices) implements StartDecision {

        public Start {
            Objects.requireNonNull(believedNode, "believedNode");
            Objects.requireNonNull(flagsAfter, "flagsAfter");
            Objects.requireNonNull(localFlags, "localFlags");
            Objects.requireNonNull(remoteFlags, "remoteFlags");
            syncs = List.copyOf(syncs);
            notices = List.copyOf(notices);
        }
    }

    /** Do not start; {@link #notices()} ends with the ERROR lines that say why and what to do. */
    record Refuse(RefusalReason reason, List<Notice> notices) implements StartDecision {

        public Refuse {
            Objects.requireNonNull(reason, "reason");
            notices = List.copyOf(notices);
        }

        public List<String> errorLines() {
            return notices.stream().filter(n -> n.level() == Notice.Level.ERROR).map(Notice::text).toList();
        }
    }
}

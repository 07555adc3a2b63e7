package net.linuxha.common.app;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every line the start-up decisions print. Lines the Reference shows are reproduced word for word (constants
 * marked "Reference"); the Reference gives no text for most refusals of 22.4, so those are ours, written to name what
 * is wrong and how to proceed.
 */
final class StartMessages {

    /** Reference 11.1. */
    static final String DATA_VALIDATED = "Validated consistency of available data for DRBD.";
    /** Reference 11.1. */
    static final String BOTH_COPIES_GOOD = "Both data copies believed good.";
    /** Reference 11.2. */
    static final String RISK_OF_CORRUPTION = "Will not start the application due to the risk of data corruption.";
    /** Reference 11.2 (its spelling). */
    static final String UNABLE_TO_REGISTER = "Unable to register application (not response)";
    /** Reference 11.2. */
    static final String NO_CLUSTER_DAEMON = "Unable to contact local cluster daemon.";

    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZoneOffset.UTC);

    private final StartInputs in;

    StartMessages(StartInputs in) {
        this.in = in;
    }

    static List<Notice> daemonUnreachable() {
        return List.of(Notice.warn(UNABLE_TO_REGISTER), Notice.error(NO_CLUSTER_DAEMON),
                Notice.error(RISK_OF_CORRUPTION),
                Notice.error("Start the cluster daemon (clform, or 'clform --join' if the other node runs the "
                        + "cluster), or rerun clstartapp with --force to start without it (not recommended)."));
    }

    static String list(Collection<FileSystemId> fileSystems) {
        return fileSystems.stream().map(FileSystemId::toString).collect(Collectors.joining(", "));
    }

    private static String flags(StaleFlags flags) {
        return flags.isEmpty() ? "no STALE flags" : flags.toString();
    }

    private static String time(Optional<TimeFile> time) {
        return time.map(t -> TIME_FORMAT.format(t.instant()) + " UTC").orElse("no TIME file");
    }

    private String forcedBy(ForceLevel level) {
        if (in.trigger() == StartTrigger.TAKEOVER && !in.commandLineForce().atLeast(level)) {
            return "taking over with takeover " + in.takeover().configValue();
        }
        return level == ForceLevel.REALLY_FORCE ? "--reallyforce given" : "--force given";
    }

    // ---- warnings of a start ----

    Notice remoteStatusUnreadable() {
        return Notice.warn("Unable to read the status files of " + in.application() + " from " + in.remoteNode()
                + " - treating " + in.remoteNode() + " as reachable by ping only.");
    }

    Notice ignoredFlag(StaleFlag flag, String foundOn) {
        return Notice.warn("Ignoring STALE flag " + flag + " found on " + foundOn + ": it names no file system of "
                + in.application() + " on " + in.localNode() + " or " + in.remoteNode() + ".");
    }

    Notice believedByTime(String node, Optional<TimeFile> local, Optional<TimeFile> remote) {
        String why = local.isPresent() && remote.isPresent() ? "which started it most recently"
                : "the only node with a TIME file";
        return Notice.warn("STALE flags for " + in.application() + " differ between " + in.localNode() + " and "
                + in.remoteNode() + "; believing " + node + ", " + why + " (" + in.localNode() + ": "
                + time(local) + ", " + in.remoteNode() + ": " + time(remote) + ").");
    }

    Notice believedLocalByForce(String problem) {
        return Notice.warn(problem + "; " + forcedBy(ForceLevel.FORCE) + ", so believing the flags of "
                + in.localNode() + ".");
    }

    Notice localStaleWillSync(FileSystemId fs) {
        return Notice.warn("Local copy of " + fs + " is STALE - it will be synchronised from " + in.remoteNode()
                + ".");
    }

    Notice remoteStaleWillSync(FileSystemId fs) {
        return Notice.warn("Copy of " + fs + " on " + in.remoteNode() + " is STALE - it will be synchronised from "
                + in.localNode() + ".");
    }

    Notice usingStaleLocalCopy(Collection<FileSystemId> fileSystems) {
        return Notice.warn(forcedBy(ForceLevel.REALLY_FORCE) + ": starting " + in.application()
                + " on the STALE local copy of " + list(fileSystems) + "; the copy on " + in.remoteNode()
                + " will be overwritten.");
    }

    Notice startingWithoutRemote() {
        String why = switch (in.remoteStatus()) {
            case REMOTE_DOWN -> "Remote node " + in.remoteNode() + " appears to be down";
            case NO_REPLICATION_CHANNEL -> "No data replication channel to " + in.remoteNode();
            default -> "Remote node " + in.remoteNode() + " answers ping but can not be reached by ssh";
        };
        return Notice.warn(why + " - starting " + in.application() + " with local data only; copies on "
                + in.remoteNode() + " are marked STALE.");
    }

    // ---- refusals: the ERROR lines ----

    List<Notice> remoteDownNeedsForce() {
        return refusal("Remote node " + in.remoteNode() + " appears to be down, so it can not be confirmed that "
                        + in.localNode() + " holds the most recent data for " + in.application() + ".",
                "If " + in.remoteNode() + " is really down and " + in.application() + " last ran on "
                        + in.localNode() + ", rerun clstartapp with --force.");
    }

    List<Notice> flagsDisagreeNeedsForce(StaleFlags local, StaleFlags remote) {
        return refusal("STALE flags for " + in.application() + " differ between " + in.localNode() + " ("
                        + flags(local) + ") and " + in.remoteNode() + " (" + flags(remote)
                        + ") and the TIME files can not tell which is right (" + in.localNode() + ": "
                        + time(in.local().time()) + ", " + in.remoteNode() + ": "
                        + time(in.remote().flatMap(StatusSnapshot::time)) + ").",
                "Rerun clstartapp with --force to believe the flags of " + in.localNode() + ", or run 'clbuildapp "
                        + "--application " + in.application() + " --sync' from the node holding the good data.");
    }

    List<Notice> noTimeNeedsForce() {
        return refusal("No data replication channel to " + in.remoteNode() + ", and the TIME files can not "
                        + "confirm the STALE flags of " + in.localNode() + " for " + in.application() + " ("
                        + in.localNode() + ": " + time(in.local().time()) + ", " + in.remoteNode() + ": "
                        + time(in.remote().flatMap(StatusSnapshot::time)) + ").",
                "Restore the replication network to " + in.remoteNode() + ", or rerun clstartapp with --force to "
                        + "trust the flags of " + in.localNode() + ".");
    }

    List<Notice> remoteMayBeLiveNeedsForce() {
        return refusal(in.localNode() + " believes " + in.application() + " was last running on "
                        + in.remoteNode() + ", which answers ping but can not be reached by ssh.",
                "Make sure " + in.application() + " is not running on " + in.remoteNode()
                        + ", then rerun clstartapp with --force.");
    }

    List<Notice> localDataStale(Collection<FileSystemId> stale) {
        String fix = in.trigger() == StartTrigger.TAKEOVER
                ? in.application() + " has takeover " + in.takeover().configValue() + ", which only fails over "
                        + "onto current data; set <takeover>force</takeover> in its appconf.xml to allow this, or "
                        + "start it on " + in.remoteNode() + " once that node is back."
                : "Start " + in.application() + " on " + in.remoteNode() + " once that node is back, or rerun "
                        + "clstartapp with --reallyforce to use the stale local copy (the copy on "
                        + in.remoteNode() + " will then be overwritten).";
        return refusal("The local copy of data for " + in.application() + " on " + in.localNode()
                + " is STALE (" + list(stale) + ") and " + in.remoteNode() + " can not supply current data.", fix);
    }

    List<Notice> noCurrentCopy(Collection<FileSystemId> stale) {
        return refusal("Neither " + in.localNode() + " nor " + in.remoteNode() + " holds a current copy of "
                        + list(stale) + " for " + in.application() + ".",
                "Run 'clbuildapp --application " + in.application() + " --sync' from the node holding the data "
                        + "to keep, or rerun clstartapp with --reallyforce to use the copy on " + in.localNode()
                        + ".");
    }

    private static List<Notice> refusal(String problem, String fix) {
        return List.of(Notice.error(problem), Notice.error(RISK_OF_CORRUPTION), Notice.error(fix));
    }
}

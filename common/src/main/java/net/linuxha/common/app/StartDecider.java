package net.linuxha.common.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The decisions of Reference 22.4, one method per state of {@code remote_node_available}. Used once, through
 * {@link StartDecision#decide}; collects notices as it goes.
 */
final class StartDecider {

    /** Whose flags the TIME files say to believe. */
    private enum Belief { LOCAL, REMOTE, UNDECIDED }

    private final StartInputs in;
    private final StartMessages msg;
    private final ForceLevel force;
    private final List<Notice> notices = new ArrayList<>();

    StartDecider(StartInputs in) {
        this.in = in;
        this.msg = new StartMessages(in);
        this.force = in.effectiveForce();
    }

    StartDecision decide() {
        StaleFlags local = relevant(in.local().flags(), in.localNode());
        Optional<StaleFlags> remote = in.remote().map(s -> relevant(s.flags(), in.remoteNode()));
        switch (in.remoteStatus()) {
            case CLUSTER_UP:
                if (remote.isEmpty()) {
                    // Decision 1.1: without the remote's status files the cluster is treated as state 3.
                    notices.add(msg.remoteStatusUnreadable());
                    return pingOnly(local);
                }
                return clusterUp(local, remote.get());
            case REMOTE_DOWN:
                return remoteDown(local);
            case NO_REPLICATION_CHANNEL:
                return noReplicationChannel(local, remote);
            case PING_ONLY:
                return pingOnly(local);
            default:
                throw new IllegalStateException("Unhandled remote node status " + in.remoteStatus());
        }
    }

    /** Decision 1: both nodes up and replicating. */
    private StartDecision clusterUp(StaleFlags local, StaleFlags remote) {
        StaleFlags believed = local;
        String believedNode = in.localNode();
        if (!local.equals(remote)) {
            Belief belief = byTime(in.local().time(), in.remote().flatMap(StatusSnapshot::time));
            if (belief == Belief.UNDECIDED) {
                if (!force.atLeast(ForceLevel.FORCE)) {
                    return refuse(RefusalReason.FLAGS_DISAGREE_NEEDS_FORCE, msg.flagsDisagreeNeedsForce(local, remote));
                }
                notices.add(msg.believedLocalByForce("STALE flags for " + in.application() + " differ between "
                        + in.localNode() + " and " + in.remoteNode() + " and the TIME files do not decide"));
            } else {
                believedNode = belief == Belief.LOCAL ? in.localNode() : in.remoteNode();
                believed = belief == Belief.LOCAL ? local : remote;
                notices.add(msg.believedByTime(believedNode, in.local().time(),
                        in.remote().flatMap(StatusSnapshot::time)));
            }
        }
        SortedSet<FileSystemId> noCurrentCopy = believed.staleOn(in.localNode());
        noCurrentCopy.retainAll(believed.staleOn(in.remoteNode()));
        boolean usesStale = false;
        if (!noCurrentCopy.isEmpty()) {
            if (!force.atLeast(ForceLevel.REALLY_FORCE)) {
                return refuse(RefusalReason.NO_CURRENT_COPY, msg.noCurrentCopy(noCurrentCopy));
            }
            believed = believed.clearedFor(in.localNode(), noCurrentCopy);
            notices.add(msg.usingStaleLocalCopy(noCurrentCopy));
            usesStale = true;
        }
        notices.add(Notice.info(StartMessages.DATA_VALIDATED));
        List<SyncTask> syncs = new ArrayList<>();
        for (FileSystemId fs : sorted(in.fileSystems())) {
            if (believed.isStale(fs, in.localNode())) {
                syncs.add(new SyncTask(fs, SyncTask.Direction.REMOTE_TO_LOCAL));
                notices.add(msg.localStaleWillSync(fs));
            } else if (believed.isStale(fs, in.remoteNode())) {
                syncs.add(new SyncTask(fs, SyncTask.Direction.LOCAL_TO_REMOTE));
                notices.add(msg.remoteStaleWillSync(fs));
            }
        }
        if (syncs.isEmpty()) {
            notices.add(Notice.info(StartMessages.BOTH_COPIES_GOOD));
        }
        return start(believedNode, believed, local, Optional.of(remote), syncs, usesStale);
    }

    /** Decision 2: the remote node is down. */
    private StartDecision remoteDown(StaleFlags local) {
        if (!force.atLeast(ForceLevel.FORCE)) {
            return refuse(RefusalReason.REMOTE_DOWN_NEEDS_FORCE, msg.remoteDownNeedsForce());
        }
        return startWithoutReplication(local, in.localNode(), local, Optional.empty());
    }

    /** Decision 3: the remote answers ssh, but the replication network is down. */
    private StartDecision noReplicationChannel(StaleFlags local, Optional<StaleFlags> remote) {
        // An unreadable remote status directory tells nothing, like one without a TIME file.
        Belief belief = remote.isEmpty() ? Belief.UNDECIDED
                : byTime(in.local().time(), in.remote().flatMap(StatusSnapshot::time));
        if (belief == Belief.UNDECIDED) {
            if (!force.atLeast(ForceLevel.FORCE)) {
                return refuse(RefusalReason.NO_TIME_NEEDS_FORCE, msg.noTimeNeedsForce());
            }
            notices.add(msg.believedLocalByForce("No data replication channel to " + in.remoteNode()
                    + " and the TIME files do not confirm the STALE flags"));
            return startWithoutReplication(local, in.localNode(), local, remote);
        }
        StaleFlags believed = belief == Belief.LOCAL ? local : remote.get();
        String believedNode = belief == Belief.LOCAL ? in.localNode() : in.remoteNode();
        if (!local.equals(remote.get())) {
            notices.add(msg.believedByTime(believedNode, in.local().time(),
                    in.remote().flatMap(StatusSnapshot::time)));
        }
        return startWithoutReplication(believed, believedNode, local, remote);
    }

    /** Decision 4: the remote answers ping only (or its status files could not be read). */
    private StartDecision pingOnly(StaleFlags local) {
        if (in.remoteBelievedLive() && !force.atLeast(ForceLevel.FORCE)) {
            return refuse(RefusalReason.REMOTE_MAY_BE_LIVE_NEEDS_FORCE, msg.remoteMayBeLiveNeedsForce());
        }
        return startWithoutReplication(local, in.localNode(), local, Optional.empty());
    }

    /**
     * Decisions 2.2-2.3, 3.4, 4.2-4.3: the local copy must be current, unless reallyforce makes it so; the remote
     * copies are then marked stale, since they miss every write from now on.
     *
     * @param remote the remote node's flags when they can be updated over ssh
     */
    private StartDecision startWithoutReplication(StaleFlags believed, String believedNode, StaleFlags local,
            Optional<StaleFlags> remote) {
        SortedSet<FileSystemId> staleHere = believed.staleOn(in.localNode());
        boolean usesStale = false;
        if (!staleHere.isEmpty()) {
            if (!force.atLeast(ForceLevel.REALLY_FORCE)) {
                return refuse(RefusalReason.LOCAL_DATA_STALE, msg.localDataStale(staleHere));
            }
            believed = believed.clearedFor(in.localNode());
            notices.add(msg.usingStaleLocalCopy(staleHere));
            usesStale = true;
        }
        notices.add(msg.startingWithoutRemote());
        StaleFlags after = believed.plus(StaleFlagRules.remoteMissesUpdates(in.fileSystems(), in.remoteNode()));
        List<SyncTask> syncs = sorted(in.fileSystems()).stream()
                .map(fs -> new SyncTask(fs, SyncTask.Direction.LOCAL_TO_REMOTE)).toList();
        return start(believedNode, after, local, remote, syncs, usesStale);
    }

    private StartDecision start(String believedNode, StaleFlags after, StaleFlags local, Optional<StaleFlags> remote,
            List<SyncTask> syncs, boolean usesStale) {
        boolean localCurrent = in.fileSystems().stream().noneMatch(fs -> after.isStale(fs, in.localNode()));
        boolean remoteCurrent = in.fileSystems().stream().noneMatch(fs -> after.isStale(fs, in.remoteNode()));
        return new StartDecision.Start(believedNode, localCurrent, remoteCurrent, usesStale, after,
                FlagUpdate.between(local, after), remote.map(r -> FlagUpdate.between(r, after)), syncs, notices);
    }

    private StartDecision refuse(RefusalReason reason, List<Notice> errors) {
        notices.addAll(errors);
        return new StartDecision.Refuse(reason, notices);
    }

    private static Belief byTime(Optional<TimeFile> local, Optional<TimeFile> remote) {
        if (local.isPresent() && remote.isPresent()) {
            int order = local.get().compareTo(remote.get());
            return order > 0 ? Belief.LOCAL : order < 0 ? Belief.REMOTE : Belief.UNDECIDED;
        }
        if (local.isPresent()) {
            return Belief.LOCAL;
        }
        return remote.isPresent() ? Belief.REMOTE : Belief.UNDECIDED;
    }

    /** Only flags about this application's file systems on the two nodes count; others are reported, not used. */
    private StaleFlags relevant(StaleFlags found, String foundOn) {
        Set<String> nodes = Set.of(in.localNode(), in.remoteNode());
        StaleFlags kept = found.restrictedTo(in.fileSystems(), nodes);
        for (StaleFlag ignored : found.minus(kept).flags()) {
            notices.add(msg.ignoredFlag(ignored, foundOn));
        }
        return kept;
    }

    private static List<FileSystemId> sorted(List<FileSystemId> fileSystems) {
        return List.copyOf(new TreeSet<>(fileSystems));
    }
}

package net.linuxha.common.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.linuxha.common.shell.DrbdResourceStatus;

/** Job: the state of an application's file systems on this node, with resync estimates (clstat -A, --sync). */
final class StatusReader {

    /** A one-shot query that finds a resync samples again after this long, to estimate its rate. */
    static final Duration SECOND_SAMPLE = Duration.ofSeconds(1);

    private final StorageContext ctx;
    private final Map<String, SyncEstimator> estimators = new HashMap<>();

    StatusReader(StorageContext ctx) {
        this.ctx = ctx;
    }

    /** One sample; estimates improve with each call on the same reader. */
    List<FileSystemState> sample(FsMap fsmap) {
        List<FileSystemState> states = new ArrayList<>();
        for (FsMapEntry fs : fsmap.entries()) {
            String resource = DrbdResourceName.of(fsmap.application(), fs);
            Optional<DrbdResourceStatus> status = ctx.local().drbd().status(resource);
            Optional<Duration> left = status.flatMap(s -> estimators.computeIfAbsent(resource,
                    r -> new SyncEstimator()).sample(ctx.clock().instant(), FileSystemStates.outOfSyncKib(s)));
            states.add(FileSystemStates.of(fs, resource, status, left));
        }
        return states;
    }

    /** For a single query: when something is syncing, a second sample a second later gives the rate. */
    List<FileSystemState> query(FsMap fsmap) throws InterruptedException {
        List<FileSystemState> first = sample(fsmap);
        if (first.stream().noneMatch(s -> s.state() == FileSystemState.SyncState.SYNCING)) {
            return first;
        }
        ctx.sleeper().sleep(SECOND_SAMPLE);
        return sample(fsmap);
    }
}

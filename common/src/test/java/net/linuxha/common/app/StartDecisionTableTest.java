package net.linuxha.common.app;

import net.linuxha.common.config.Takeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Walks every step of the Reference's start-up decisions (22.4, decisions 1 to 4) plus the take-over force of 8.1 and
 * 17.5: for each row, the inputs, whether the application starts, with whose flags, which flag files change on which
 * node, which way data must be synchronised, and the exact lines printed.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StartDecisionTableTest {

    private static final String APP = "apache";
    private static final String HERE = "sl4s1";
    private static final String THERE = "sl4s2";
    private static final FileSystemId ADMIN = new FileSystemId("app01vg", "admin");
    private static final FileSystemId LOGS = new FileSystemId("app01vg", "logs");
    private static final long OLD = 1_118_000_000L;
    private static final long NEW = 1_118_617_404L;

    private static final String RISK = "ERROR Will not start the application due to the risk of data corruption.";
    private static final String VALIDATED = "INFO Validated consistency of available data for DRBD.";
    private static final String BOTH_GOOD = "INFO Both data copies believed good.";
    private static final String REMOTE_DOWN_START = "WARN Remote node sl4s2 appears to be down - starting apache "
            + "with local data only; copies on sl4s2 are marked STALE.";
    private static final String NO_CHANNEL_START = "WARN No data replication channel to sl4s2 - starting apache "
            + "with local data only; copies on sl4s2 are marked STALE.";
    private static final String PING_ONLY_START = "WARN Remote node sl4s2 answers ping but can not be reached by "
            + "ssh - starting apache with local data only; copies on sl4s2 are marked STALE.";
    private static final String LOCAL_STALE_ADMIN = "ERROR The local copy of data for apache on sl4s1 is STALE "
            + "(app01vg/admin) and sl4s2 can not supply current data.";
    private static final String LOCAL_STALE_FIX = "ERROR Start apache on sl4s2 once that node is back, or rerun "
            + "clstartapp with --reallyforce to use the stale local copy (the copy on sl4s2 will then be "
            + "overwritten).";
    private static final String REALLYFORCE_ADMIN = "WARN --reallyforce given: starting apache on the STALE local "
            + "copy of app01vg/admin; the copy on sl4s2 will be overwritten.";

    /** The remote copies marked stale: what a start without replication leaves behind. */
    private static final List<String> REMOTE_ALL_STALE = List.of(f(ADMIN, THERE), f(LOGS, THERE));
    private static final List<String> BOTH_TO_REMOTE = List.of("app01vg/admin LOCAL_TO_REMOTE",
            "app01vg/logs LOCAL_TO_REMOTE");

    private static String f(FileSystemId fs, String node) {
        return new StaleFlag(fs, node).fileName();
    }

    private static StaleFlags flags(String... fileNames) {
        return StaleFlags.fromFileNames(Arrays.asList(fileNames));
    }

    private static StatusSnapshot status(long time, String... fileNames) {
        return StatusSnapshot.of(flags(fileNames), time);
    }

    private static StatusSnapshot status(String... fileNames) {
        return StatusSnapshot.of(flags(fileNames));
    }

    private static StartInputs.Builder inputs(RemoteNodeStatus state) {
        return StartInputs.builder(APP, HERE, THERE).fileSystems(List.of(ADMIN, LOGS)).remoteStatus(state);
    }

    // ---- expectations ----

    private sealed interface Expect permits ExpectStart, ExpectRefuse {
    }

    /** {@code remoteUpdate} null: the remote node's flags are not touched (it can not be reached). */
    private record ExpectStart(String believed, boolean localCurrent, boolean remoteCurrent, boolean usesStale,
            List<String> after, Update localUpdate, Update remoteUpdate, List<String> syncs, List<String> notices)
            implements Expect {
    }

    private record ExpectRefuse(RefusalReason reason, List<String> notices) implements Expect {
    }

    private record Update(List<String> write, List<String> delete) {
        static final Update NONE = new Update(List.of(), List.of());

        static Update of(FlagUpdate u) {
            return new Update(u.write().fileNames(), u.delete().fileNames());
        }
    }

    private static Update writes(String... names) {
        return new Update(List.of(names), List.of());
    }

    private static Update update(List<String> write, List<String> delete) {
        return new Update(write, delete);
    }

    private record Row(String step, StartInputs inputs, Expect expect) {
    }

    private static Row row(String step, UnaryOperator<StartInputs.Builder> setup, RemoteNodeStatus state,
            Expect expect) {
        return new Row(step, setup.apply(inputs(state)).build(), expect);
    }

    private static List<String> lines(String... lines) {
        return List.of(lines);
    }

    // ---- the table ----

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String adminHere = f(ADMIN, HERE);
        String adminThere = f(ADMIN, THERE);
        String logsThere = f(LOGS, THERE);
        String logsHere = f(LOGS, HERE);

        // Decision 1: cluster up (remote_node_available 0).
        rows.add(row("1.1 remote status files unreadable: treated as state 3, remote not believed live",
                b -> b.remoteUnreadable(), RemoteNodeStatus.CLUSTER_UP,
                new ExpectStart(HERE, true, false, false, REMOTE_ALL_STALE, writes(adminThere, logsThere), null,
                        BOTH_TO_REMOTE, lines("WARN Unable to read the status files of apache from sl4s2 - treating "
                                + "sl4s2 as reachable by ping only.", PING_ONLY_START))));
        rows.add(row("1.1 remote status files unreadable, remote believed live: decision 4.1 refuses",
                b -> b.remoteUnreadable().remoteBelievedLive(true), RemoteNodeStatus.CLUSTER_UP,
                new ExpectRefuse(RefusalReason.REMOTE_MAY_BE_LIVE_NEEDS_FORCE, lines(
                        "WARN Unable to read the status files of apache from sl4s2 - treating sl4s2 as reachable "
                                + "by ping only.",
                        "ERROR sl4s1 believes apache was last running on sl4s2, which answers ping but can not be "
                                + "reached by ssh.", RISK,
                        "ERROR Make sure apache is not running on sl4s2, then rerun clstartapp with --force."))));
        rows.add(row("1.2-1.3 flags agree, none: both copies good",
                b -> b.local(status(NEW)).remote(status(OLD)), RemoteNodeStatus.CLUSTER_UP,
                new ExpectStart(HERE, true, true, false, List.of(), Update.NONE, Update.NONE, List.of(),
                        lines(VALIDATED, BOTH_GOOD))));
        rows.add(row("1.3 flags agree, remote copy stale: start, synchronise to remote",
                b -> b.local(status(logsThere)).remote(status(logsThere)), RemoteNodeStatus.CLUSTER_UP,
                new ExpectStart(HERE, true, false, false, List.of(logsThere), Update.NONE, Update.NONE,
                        List.of("app01vg/logs LOCAL_TO_REMOTE"), lines(VALIDATED,
                        "WARN Copy of app01vg/logs on sl4s2 is STALE - it will be synchronised from sl4s1."))));
        rows.add(row("1.3 flags agree, local copy stale: start on the remote's data (11.1 [2])",
                b -> b.local(status(adminHere)).remote(status(adminHere)), RemoteNodeStatus.CLUSTER_UP,
                new ExpectStart(HERE, false, true, false, List.of(adminHere), Update.NONE, Update.NONE,
                        List.of("app01vg/admin REMOTE_TO_LOCAL"), lines(VALIDATED,
                        "WARN Local copy of app01vg/admin is STALE - it will be synchronised from sl4s2."))));
        rows.add(row("1.4 flags differ, both TIME, local newer: believe local",
                b -> b.local(status(NEW, logsThere)).remote(status(OLD, adminHere)), RemoteNodeStatus.CLUSTER_UP,
                new ExpectStart(HERE, true, false, false, List.of(logsThere), Update.NONE,
                        update(List.of(logsThere), List.of(adminHere)), List.of("app01vg/logs LOCAL_TO_REMOTE"),
                        lines("WARN STALE flags for apache differ between sl4s1 and sl4s2; believing sl4s1, which "
                                        + "started it most recently (sl4s1: 12/06/2005 23:03:24 UTC, sl4s2: "
                                        + "05/06/2005 19:33:20 UTC).", VALIDATED,
                                "WARN Copy of app01vg/logs on sl4s2 is STALE - it will be synchronised from "
                                        + "sl4s1."))));
        rows.add(row("1.4 flags differ, both TIME, remote newer: believe remote",
                b -> b.local(status(OLD, logsThere)).remote(status(NEW, adminHere)), RemoteNodeStatus.CLUSTER_UP,
                new ExpectStart(THERE, false, true, false, List.of(adminHere),
                        update(List.of(adminHere), List.of(logsThere)), Update.NONE,
                        List.of("app01vg/admin REMOTE_TO_LOCAL"),
                        lines("WARN STALE flags for apache differ between sl4s1 and sl4s2; believing sl4s2, which "
                                        + "started it most recently (sl4s1: 05/06/2005 19:33:20 UTC, sl4s2: "
                                        + "12/06/2005 23:03:24 UTC).", VALIDATED,
                                "WARN Local copy of app01vg/admin is STALE - it will be synchronised from "
                                        + "sl4s2."))));
        rows.add(row("1.4 flags differ, only the remote has TIME: believe remote",
                b -> b.local(status()).remote(status(NEW, logsThere)), RemoteNodeStatus.CLUSTER_UP,
                new ExpectStart(THERE, true, false, false, List.of(logsThere), writes(logsThere), Update.NONE,
                        List.of("app01vg/logs LOCAL_TO_REMOTE"),
                        lines("WARN STALE flags for apache differ between sl4s1 and sl4s2; believing sl4s2, the "
                                        + "only node with a TIME file (sl4s1: no TIME file, sl4s2: 12/06/2005 "
                                        + "23:03:24 UTC).", VALIDATED,
                                "WARN Copy of app01vg/logs on sl4s2 is STALE - it will be synchronised from "
                                        + "sl4s1."))));
        rows.add(row("1.4 flags differ, only the local node has TIME: believe local",
                b -> b.local(status(NEW)).remote(status(logsHere)), RemoteNodeStatus.CLUSTER_UP,
                new ExpectStart(HERE, true, true, false, List.of(), Update.NONE,
                        update(List.of(), List.of(logsHere)), List.of(),
                        lines("WARN STALE flags for apache differ between sl4s1 and sl4s2; believing sl4s1, the "
                                        + "only node with a TIME file (sl4s1: 12/06/2005 23:03:24 UTC, sl4s2: no "
                                        + "TIME file).", VALIDATED, BOTH_GOOD))));
        String disagree = "ERROR STALE flags for apache differ between sl4s1 (no STALE flags) and sl4s2 "
                + "(app01vg.admin.sl4s1.STALE) and the TIME files can not tell which is right (sl4s1: ";
        String disagreeFix = "ERROR Rerun clstartapp with --force to believe the flags of sl4s1, or run 'clbuildapp "
                + "--application apache --sync' from the node holding the good data.";
        rows.add(row("1.5 flags differ, no TIME anywhere, no --force: refuse",
                b -> b.local(status()).remote(status(adminHere)), RemoteNodeStatus.CLUSTER_UP,
                new ExpectRefuse(RefusalReason.FLAGS_DISAGREE_NEEDS_FORCE,
                        lines(disagree + "no TIME file, sl4s2: no TIME file).", RISK, disagreeFix))));
        rows.add(row("1.5 flags differ, equal TIME, no --force: refuse",
                b -> b.local(status(NEW)).remote(status(NEW, adminHere)), RemoteNodeStatus.CLUSTER_UP,
                new ExpectRefuse(RefusalReason.FLAGS_DISAGREE_NEEDS_FORCE, lines(disagree
                        + "12/06/2005 23:03:24 UTC, sl4s2: 12/06/2005 23:03:24 UTC).", RISK, disagreeFix))));
        rows.add(row("1.5 flags differ, no TIME anywhere, --force: believe local",
                b -> b.local(status()).remote(status(adminHere)).force(ForceLevel.FORCE),
                RemoteNodeStatus.CLUSTER_UP,
                new ExpectStart(HERE, true, true, false, List.of(), Update.NONE,
                        update(List.of(), List.of(adminHere)), List.of(),
                        lines("WARN STALE flags for apache differ between sl4s1 and sl4s2 and the TIME files do "
                                + "not decide; --force given, so believing the flags of sl4s1.", VALIDATED,
                                BOTH_GOOD))));
        String noCopy = "ERROR Neither sl4s1 nor sl4s2 holds a current copy of app01vg/admin for apache.";
        rows.add(row("1 both copies of a file system stale (11.2 unknown state), --force: refuse",
                b -> b.local(status(adminHere, adminThere)).remote(status(adminHere, adminThere))
                        .force(ForceLevel.FORCE), RemoteNodeStatus.CLUSTER_UP,
                new ExpectRefuse(RefusalReason.NO_CURRENT_COPY, lines(noCopy, RISK,
                        "ERROR Run 'clbuildapp --application apache --sync' from the node holding the data to keep, "
                                + "or rerun clstartapp with --reallyforce to use the copy on sl4s1."))));
        rows.add(row("1 both copies of a file system stale, --reallyforce: the local copy wins",
                b -> b.local(status(adminHere, adminThere)).remote(status(adminHere, adminThere))
                        .force(ForceLevel.REALLY_FORCE), RemoteNodeStatus.CLUSTER_UP,
                new ExpectStart(HERE, true, false, true, List.of(adminThere), update(List.of(), List.of(adminHere)),
                        update(List.of(), List.of(adminHere)), List.of("app01vg/admin LOCAL_TO_REMOTE"),
                        lines(REALLYFORCE_ADMIN, VALIDATED, "WARN Copy of app01vg/admin on sl4s2 is STALE - it will "
                                + "be synchronised from sl4s1."))));

        // Decision 2: remote node down (1).
        String down1 = "ERROR Remote node sl4s2 appears to be down, so it can not be confirmed that sl4s1 holds the "
                + "most recent data for apache.";
        String down1Fix = "ERROR If sl4s2 is really down and apache last ran on sl4s1, rerun clstartapp with --force.";
        rows.add(row("2.1 remote down, no --force: refuse", b -> b.local(status(NEW)),
                RemoteNodeStatus.REMOTE_DOWN,
                new ExpectRefuse(RefusalReason.REMOTE_DOWN_NEEDS_FORCE, lines(down1, RISK, down1Fix))));
        rows.add(row("2.1 remote down, no --force, even with clean local flags and remote believed dead",
                b -> b.local(status()), RemoteNodeStatus.REMOTE_DOWN,
                new ExpectRefuse(RefusalReason.REMOTE_DOWN_NEEDS_FORCE, lines(down1, RISK, down1Fix))));
        rows.add(row("2.2 remote down, --force, local current: start, remote copies marked stale",
                b -> b.local(status(NEW)).force(ForceLevel.FORCE), RemoteNodeStatus.REMOTE_DOWN,
                new ExpectStart(HERE, true, false, false, REMOTE_ALL_STALE, writes(adminThere, logsThere), null,
                        BOTH_TO_REMOTE, lines(REMOTE_DOWN_START))));
        rows.add(row("2.2 remote down, --force, remote copies already stale: nothing new to write",
                b -> b.local(status(adminThere, logsThere)).force(ForceLevel.FORCE), RemoteNodeStatus.REMOTE_DOWN,
                new ExpectStart(HERE, true, false, false, REMOTE_ALL_STALE, Update.NONE, null, BOTH_TO_REMOTE,
                        lines(REMOTE_DOWN_START))));
        rows.add(row("2.3 remote down, --force, local stale: refuse",
                b -> b.local(status(adminHere)).force(ForceLevel.FORCE), RemoteNodeStatus.REMOTE_DOWN,
                new ExpectRefuse(RefusalReason.LOCAL_DATA_STALE, lines(LOCAL_STALE_ADMIN, RISK, LOCAL_STALE_FIX))));
        rows.add(row("2.3 remote down, --reallyforce, local stale: local made valid, its flags deleted",
                b -> b.local(status(adminHere, logsThere)).force(ForceLevel.REALLY_FORCE),
                RemoteNodeStatus.REMOTE_DOWN,
                new ExpectStart(HERE, true, false, true, REMOTE_ALL_STALE,
                        update(List.of(adminThere), List.of(adminHere)), null, BOTH_TO_REMOTE,
                        lines(REALLYFORCE_ADMIN, REMOTE_DOWN_START))));

        // Decision 3: no replication channel, ssh works (2).
        String noTime = "ERROR No data replication channel to sl4s2, and the TIME files can not confirm the STALE "
                + "flags of sl4s1 for apache (sl4s1: no TIME file, sl4s2: no TIME file).";
        String noTimeFix = "ERROR Restore the replication network to sl4s2, or rerun clstartapp with --force to "
                + "trust the flags of sl4s1.";
        rows.add(row("3.1 no TIME on either node, no --force: refuse",
                b -> b.local(status()).remote(status()), RemoteNodeStatus.NO_REPLICATION_CHANNEL,
                new ExpectRefuse(RefusalReason.NO_TIME_NEEDS_FORCE, lines(noTime, RISK, noTimeFix))));
        rows.add(row("3.1 remote status unreadable counts as no TIME: refuse",
                b -> b.local(status()).remoteUnreadable(), RemoteNodeStatus.NO_REPLICATION_CHANNEL,
                new ExpectRefuse(RefusalReason.NO_TIME_NEEDS_FORCE, lines(noTime, RISK, noTimeFix))));
        rows.add(row("3.1 no TIME on either node, --force: believe local flags",
                b -> b.local(status()).remote(status()).force(ForceLevel.FORCE),
                RemoteNodeStatus.NO_REPLICATION_CHANNEL,
                new ExpectStart(HERE, true, false, false, REMOTE_ALL_STALE, writes(adminThere, logsThere),
                        writes(adminThere, logsThere), BOTH_TO_REMOTE,
                        lines("WARN No data replication channel to sl4s2 and the TIME files do not confirm the "
                                + "STALE flags; --force given, so believing the flags of sl4s1.", NO_CHANNEL_START))));
        rows.add(row("3.2 only the local node has TIME: believe local, no --force needed",
                b -> b.local(status(NEW)).remote(status()), RemoteNodeStatus.NO_REPLICATION_CHANNEL,
                new ExpectStart(HERE, true, false, false, REMOTE_ALL_STALE, writes(adminThere, logsThere),
                        writes(adminThere, logsThere), BOTH_TO_REMOTE, lines(NO_CHANNEL_START))));
        rows.add(row("3.2 only the remote has TIME and it says the local copy is stale: refuse",
                b -> b.local(status()).remote(status(NEW, adminHere)), RemoteNodeStatus.NO_REPLICATION_CHANNEL,
                new ExpectRefuse(RefusalReason.LOCAL_DATA_STALE, lines(
                        "WARN STALE flags for apache differ between sl4s1 and sl4s2; believing sl4s2, the only node "
                                + "with a TIME file (sl4s1: no TIME file, sl4s2: 12/06/2005 23:03:24 UTC).",
                        LOCAL_STALE_ADMIN, RISK, LOCAL_STALE_FIX))));
        rows.add(row("3.3 both TIME, remote newer, local current by its flags: believe remote",
                b -> b.local(status(OLD, adminHere)).remote(status(NEW, logsThere)),
                RemoteNodeStatus.NO_REPLICATION_CHANNEL,
                new ExpectStart(THERE, true, false, false, REMOTE_ALL_STALE,
                        update(List.of(adminThere, logsThere), List.of(adminHere)), writes(adminThere),
                        BOTH_TO_REMOTE, lines("WARN STALE flags for apache differ between sl4s1 and sl4s2; "
                                + "believing sl4s2, which started it most recently (sl4s1: 05/06/2005 19:33:20 UTC, "
                                + "sl4s2: 12/06/2005 23:03:24 UTC).", NO_CHANNEL_START))));
        rows.add(row("3.3 both TIME, local newer: believe local",
                b -> b.local(status(NEW)).remote(status(OLD, adminHere)), RemoteNodeStatus.NO_REPLICATION_CHANNEL,
                new ExpectStart(HERE, true, false, false, REMOTE_ALL_STALE, writes(adminThere, logsThere),
                        update(List.of(adminThere, logsThere), List.of(adminHere)), BOTH_TO_REMOTE,
                        lines("WARN STALE flags for apache differ between sl4s1 and sl4s2; believing sl4s1, which "
                                + "started it most recently (sl4s1: 12/06/2005 23:03:24 UTC, sl4s2: 05/06/2005 "
                                + "19:33:20 UTC).", NO_CHANNEL_START))));
        rows.add(row("3.4 believed flags say local stale, --force: refuse",
                b -> b.local(status(NEW, adminHere)).remote(status(OLD, adminHere)).force(ForceLevel.FORCE),
                RemoteNodeStatus.NO_REPLICATION_CHANNEL,
                new ExpectRefuse(RefusalReason.LOCAL_DATA_STALE, lines(LOCAL_STALE_ADMIN, RISK, LOCAL_STALE_FIX))));
        rows.add(row("3.4 believed flags say local stale, --reallyforce: start on stale local data",
                b -> b.local(status(NEW, adminHere)).remote(status(OLD, adminHere)).force(ForceLevel.REALLY_FORCE),
                RemoteNodeStatus.NO_REPLICATION_CHANNEL,
                new ExpectStart(HERE, true, false, true, REMOTE_ALL_STALE,
                        update(List.of(adminThere, logsThere), List.of(adminHere)),
                        update(List.of(adminThere, logsThere), List.of(adminHere)), BOTH_TO_REMOTE,
                        lines(REALLYFORCE_ADMIN, NO_CHANNEL_START))));

        // Decision 4: ping only (3).
        rows.add(row("4.1 remote believed live, no --force: refuse",
                b -> b.local(status(NEW)).remoteUnreadable().remoteBelievedLive(true), RemoteNodeStatus.PING_ONLY,
                new ExpectRefuse(RefusalReason.REMOTE_MAY_BE_LIVE_NEEDS_FORCE, lines(
                        "ERROR sl4s1 believes apache was last running on sl4s2, which answers ping but can not be "
                                + "reached by ssh.", RISK,
                        "ERROR Make sure apache is not running on sl4s2, then rerun clstartapp with --force."))));
        rows.add(row("4.1 remote believed live, --force, local valid: start",
                b -> b.local(status(NEW)).remoteUnreadable().remoteBelievedLive(true).force(ForceLevel.FORCE),
                RemoteNodeStatus.PING_ONLY,
                new ExpectStart(HERE, true, false, false, REMOTE_ALL_STALE, writes(adminThere, logsThere), null,
                        BOTH_TO_REMOTE, lines(PING_ONLY_START))));
        rows.add(row("4.2 local copy valid: start, remote marked not valid",
                b -> b.local(status(NEW, logsThere)).remoteUnreadable(), RemoteNodeStatus.PING_ONLY,
                new ExpectStart(HERE, true, false, false, REMOTE_ALL_STALE, writes(adminThere), null,
                        BOTH_TO_REMOTE, lines(PING_ONLY_START))));
        rows.add(row("4.3 local copy not valid, --force: refuse",
                b -> b.local(status(adminHere)).remoteUnreadable().force(ForceLevel.FORCE),
                RemoteNodeStatus.PING_ONLY,
                new ExpectRefuse(RefusalReason.LOCAL_DATA_STALE, lines(LOCAL_STALE_ADMIN, RISK, LOCAL_STALE_FIX))));
        rows.add(row("4.3 local copy not valid, --reallyforce: warn and start the stale local copy",
                b -> b.local(status(adminHere)).remoteUnreadable().force(ForceLevel.REALLY_FORCE),
                RemoteNodeStatus.PING_ONLY,
                new ExpectStart(HERE, true, false, true, REMOTE_ALL_STALE,
                        update(List.of(adminThere, logsThere), List.of(adminHere)), null, BOTH_TO_REMOTE,
                        lines(REALLYFORCE_ADMIN, PING_ONLY_START))));

        // Take-over by cldaemon (8.1 global.takeover, 17.5, 21.3).
        rows.add(row("takeover normal, remote down, local current: start without --force",
                b -> b.local(status(NEW)).takeover(StartTrigger.TAKEOVER, Takeover.NORMAL),
                RemoteNodeStatus.REMOTE_DOWN,
                new ExpectStart(HERE, true, false, false, REMOTE_ALL_STALE, writes(adminThere, logsThere), null,
                        BOTH_TO_REMOTE, lines(REMOTE_DOWN_START))));
        rows.add(row("takeover normal, remote down, local stale: refuse, pointing at takeover force",
                b -> b.local(status(adminHere)).takeover(StartTrigger.TAKEOVER, Takeover.NORMAL),
                RemoteNodeStatus.REMOTE_DOWN,
                new ExpectRefuse(RefusalReason.LOCAL_DATA_STALE, lines(LOCAL_STALE_ADMIN, RISK,
                        "ERROR apache has takeover normal, which only fails over onto current data; set "
                                + "<takeover>force</takeover> in its appconf.xml to allow this, or start it on sl4s2 "
                                + "once that node is back."))));
        rows.add(row("takeover force, remote down, local stale: stale flags deleted and start",
                b -> b.local(status(adminHere)).takeover(StartTrigger.TAKEOVER, Takeover.FORCE),
                RemoteNodeStatus.REMOTE_DOWN,
                new ExpectStart(HERE, true, false, true, REMOTE_ALL_STALE,
                        update(List.of(adminThere, logsThere), List.of(adminHere)), null, BOTH_TO_REMOTE,
                        lines("WARN taking over with takeover force: starting apache on the STALE local copy of "
                                + "app01vg/admin; the copy on sl4s2 will be overwritten.", REMOTE_DOWN_START))));
        rows.add(row("takeover mode is ignored for a command-line start",
                b -> b.local(status(NEW)).takeover(StartTrigger.COMMAND_LINE, Takeover.FORCE),
                RemoteNodeStatus.REMOTE_DOWN,
                new ExpectRefuse(RefusalReason.REMOTE_DOWN_NEEDS_FORCE, lines(down1, RISK, down1Fix))));

        // Flags that belong to no file system of the application are reported and left alone.
        rows.add(row("flags about other file systems are ignored",
                b -> b.local(status(NEW, "oldvg.gone.sl4s1.STALE")).remote(status(OLD)),
                RemoteNodeStatus.CLUSTER_UP,
                new ExpectStart(HERE, true, true, false, List.of(), Update.NONE, Update.NONE, List.of(),
                        lines("WARN Ignoring STALE flag oldvg.gone.sl4s1.STALE found on sl4s1: it names no file "
                                + "system of apache on sl4s1 or sl4s2.", VALIDATED, BOTH_GOOD))));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyRowOfTheDecisionTables() {
        return rows().stream().map(r -> DynamicTest.dynamicTest(r.step(), () -> check(r)));
    }

    private static void check(Row row) {
        StartDecision decision = StartDecision.decide(row.inputs());
        List<String> printed = decision.notices().stream().map(Notice::toString).toList();
        if (row.expect() instanceof ExpectRefuse r) {
            StartDecision.Refuse refuse = assertInstanceOf(StartDecision.Refuse.class, decision, printed::toString);
            assertEquals(r.reason(), refuse.reason());
            assertEquals(r.notices(), printed);
            return;
        }
        ExpectStart e = (ExpectStart) row.expect();
        StartDecision.Start start = assertInstanceOf(StartDecision.Start.class, decision, printed::toString);
        assertEquals(e.notices(), printed, "notices");
        assertEquals(e.believed(), start.believedNode(), "believed node");
        assertEquals(e.localCurrent(), start.localDataCurrent(), "ldata_current");
        assertEquals(e.remoteCurrent(), start.remoteDataCurrent(), "rdata_current");
        assertEquals(e.usesStale(), start.usesStaleLocalData(), "uses stale local data");
        assertEquals(e.after(), start.flagsAfter().fileNames(), "flags after start");
        assertEquals(e.localUpdate(), Update.of(start.localFlags()), "local flag update");
        assertEquals(Optional.ofNullable(e.remoteUpdate()), start.remoteFlags().map(Update::of), "remote update");
        assertEquals(e.syncs(), start.syncs().stream().map(s -> s.fs() + " " + s.direction()).toList(), "syncs");
    }

    @Test
    void everyStateAndRefusalReasonIsCoveredByTheTable() {
        List<Row> rows = rows();
        for (RemoteNodeStatus state : RemoteNodeStatus.values()) {
            assertTrue(rows.stream().anyMatch(r -> r.inputs().remoteStatus() == state), state.name());
        }
        for (RefusalReason reason : RefusalReason.values()) {
            if (reason != RefusalReason.CLUSTER_DAEMON_UNREACHABLE) {
                assertTrue(rows.stream().anyMatch(r -> r.expect() instanceof ExpectRefuse x && x.reason() == reason),
                        reason.name());
            }
        }
    }

    @Test
    void clusterDaemonUnreachableRefusesWithTheReferenceLinesUnlessForced() {
        StartDecision.Refuse refuse = StartDecision.whenClusterDaemonUnreachable(ForceLevel.NONE).orElseThrow();
        assertEquals(RefusalReason.CLUSTER_DAEMON_UNREACHABLE, refuse.reason());
        assertEquals(List.of(
                "WARN Unable to register application (not response)",
                "ERROR Unable to contact local cluster daemon.",
                RISK,
                "ERROR Start the cluster daemon (clform, or 'clform --join' if the other node runs the cluster), or "
                        + "rerun clstartapp with --force to start without it (not recommended)."),
                refuse.notices().stream().map(Notice::toString).toList());
        assertTrue(StartDecision.whenClusterDaemonUnreachable(ForceLevel.FORCE).isEmpty());
        assertTrue(StartDecision.whenClusterDaemonUnreachable(ForceLevel.REALLY_FORCE).isEmpty());
    }

    @Test
    void forceLevelsAndTakeovers() {
        assertEquals(ForceLevel.REALLY_FORCE, ForceLevel.of(false, true));
        assertEquals(ForceLevel.FORCE, ForceLevel.of(true, false));
        assertEquals(ForceLevel.NONE, ForceLevel.of(false, false));
        assertEquals(ForceLevel.REALLY_FORCE, inputs(RemoteNodeStatus.REMOTE_DOWN)
                .takeover(StartTrigger.TAKEOVER, Takeover.NORMAL).force(ForceLevel.REALLY_FORCE).build()
                .effectiveForce());
        assertEquals(RemoteNodeStatus.PING_ONLY, RemoteNodeStatus.fromCode(3));
    }
}

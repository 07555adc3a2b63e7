package net.linuxha.common.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.linuxha.common.wire.ClusterRequest.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VocabularyTest {

    /** At least one instance of every cluster request, with optional parts set and unset. */
    static final List<ClusterRequest> CLUSTER = List.of(
            new ClusterRequest.Time(), new ClusterRequest.Abort(false), new ClusterRequest.Abort(true),
            new ClusterRequest.GetNodeState("sl4s1"),
            new ClusterRequest.AppUpdate("apache", "STARTED", Optional.of("sl4s1"), Optional.of("1"),
                    Optional.of("1718000000"), Optional.of("0"), true, true),
            new ClusterRequest.AppUpdate("apache", "STOPPED", Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), false, false),
            new ClusterRequest.StartedApp("apache"), new ClusterRequest.StartingApp("apache", "sl4s2"),
            new ClusterRequest.StartApp("apache"), new ClusterRequest.StopApp("apache"),
            new ClusterRequest.StoppingApp("apache"), new ClusterRequest.StoppedApp("apache"),
            new ClusterRequest.Echo(false, false), new ClusterRequest.Echo(true, true),
            new ClusterRequest.ChangeDstate("UP"), new ClusterRequest.Checksum("apache"),
            new ClusterRequest.AppList(), new ClusterRequest.AppStatus("apache", true, true, true),
            new ClusterRequest.AppStatus("apache", false, false, false),
            new ClusterRequest.CheckDrbd("apache", Optional.of("client")),
            new ClusterRequest.CheckDrbd("apache", Optional.empty()),
            new ClusterRequest.StartDrbd("apache", true, Optional.of("server"), Optional.of(new Volume("vg", "lv"))),
            new ClusterRequest.StopDrbd("apache", false, Optional.empty(), Optional.empty()),
            new ClusterRequest.FlagUnsync("apache", "appvg", "data", "remote", true),
            new ClusterRequest.FlagSync("apache", "appvg", "data", false, Optional.of("local")),
            new ClusterRequest.StartSync("apache", "appvg", "data", 0),
            new ClusterRequest.StartSync("apache", "appvg", "data", 2),
            new ClusterRequest.Failover("apache"), new ClusterRequest.DeregApp("apache", true),
            new ClusterRequest.RegApp("apache", false), new ClusterRequest.Pnode("apache"),
            new ClusterRequest.DependsOn("apache"), new ClusterRequest.AutostartList(),
            new ClusterRequest.Verbose(true, true), new ClusterRequest.Verbose(false, false),
            new ClusterRequest.LogCycle(99, true), new ClusterRequest.GetValidNodes("apache"),
            new ClusterRequest.SetValidNodes("apache", List.of("sl4s1", "sl4s2"), true),
            new ClusterRequest.SetValidNodes("apache", List.of(), false), new ClusterRequest.IsValid("apache"),
            new ClusterRequest.Help(), new ClusterRequest.Toc(), new ClusterRequest.LoadAverage(),
            new ClusterRequest.NetworkFailed("public"), new ClusterRequest.NetworkRestored("public"));

    static final List<LemsRequest> LEMS = List.of(
            new LemsRequest.GetStat(Optional.empty()), new LemsRequest.GetStat(Optional.of("httpd")),
            new LemsRequest.GetVstat(Optional.of("fsmonitor")), new LemsRequest.Cmd("httpd", "MAXCOUNT 10"),
            new LemsRequest.Cmd("httpd", "SET a=b 50% done"), new LemsRequest.Cmd("httpd", ""),
            new LemsRequest.Pause(Optional.empty()), new LemsRequest.Pause(Optional.of("httpd")),
            new LemsRequest.Resume(Optional.of("httpd")), new LemsRequest.Remove("flag_check"),
            new LemsRequest.Install("flag_check"), new LemsRequest.Abort(), new LemsRequest.Verbose(false),
            new LemsRequest.LogCycle(5));

    static final List<LockRequest> LOCK = List.of(
            new LockRequest.Lock("NET", "clrunapp.apache.4711", 0), new LockRequest.Lock("NET", "x y", 45),
            new LockRequest.Unlock("NET", "clrunapp.apache.4711"), new LockRequest.LockStatus(Optional.empty()),
            new LockRequest.LockStatus(Optional.of("NBD_CLIENT")), new ControlRequest.Echo(),
            new ControlRequest.Help(), new ControlRequest.Abort(), new ControlRequest.Verbose(true),
            new ControlRequest.LogCycle(3));

    static final List<NetRequest> NET = List.of(
            new NetRequest.Reread(Optional.empty()), new NetRequest.Reread(Optional.of("public")),
            new NetRequest.NetStatus(Optional.of("private")), new ControlRequest.Echo(), new ControlRequest.Help(),
            new ControlRequest.Abort(), new ControlRequest.Verbose(false), new ControlRequest.LogCycle(1));

    @Test
    void everyRequestOfEveryVocabularyRoundTripsAndEveryKeywordIsCovered() {
        assertRoundTrips(ClusterRequest.VOCABULARY, CLUSTER);
        assertRoundTrips(LemsRequest.VOCABULARY, LEMS);
        assertRoundTrips(LockRequest.VOCABULARY, LOCK);
        assertRoundTrips(NetRequest.VOCABULARY, NET);
    }

    private static <R extends Request> void assertRoundTrips(Vocabulary<R> vocabulary, List<R> samples) {
        for (R request : samples) {
            assertEquals(request, parsed(vocabulary, request.format()), request.format());
        }
        Set<String> covered = samples.stream().map(Request::keyword).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(vocabulary.keywords()), covered);
    }

    @Test
    void theReferenceTableIsComplete() {
        Set<String> reference = Set.of("TIME", "ABORT", "GET_NODE_STATE", "APP_UPDATE", "STARTED_APP",
                "STARTING_APP", "START_APP", "STOP_APP", "STOPPING_APP", "STOPPED_APP", "ECHO", "CHANGE_DSTATE",
                "CHECKSUM", "APP_LIST", "APP_STATUS", "CHECK_DRBD", "START_DRBD", "STOP_DRBD", "FLAG_UNSYNC",
                "FLAG_SYNC", "START_SYNC", "FAILOVER", "DEREG_APP", "REG_APP", "PNODE", "DEPENDS_ON",
                "AUTOSTARTLIST", "VERBOSE", "LOGCYCLE", "GETVALIDNODES", "SETVALIDNODES", "ISVALID", "HELP", "TOC",
                "LOADAVERAGE");
        assertTrue(ClusterRequest.VOCABULARY.keywords().containsAll(reference));
        assertTrue(LemsRequest.VOCABULARY.keywords().containsAll(Set.of("GET_STAT", "GET_VSTAT", "CMD", "PAUSE",
                "RESUME", "REMOVE", "INSTALL", "ABORT", "VERBOSE", "LOGCYCLE")));
    }

    @Test
    void theReferencesOwnExamplesParse() {
        Vocabulary<ClusterRequest> cl = ClusterRequest.VOCABULARY;
        assertEquals(new ClusterRequest.Verbose(false, false), parsed(cl, "VERBOSE off=true"));
        assertEquals(new ClusterRequest.Verbose(true, true), parsed(cl, "VERBOSE on=true forward=yes"));
        assertEquals(new ClusterRequest.LogCycle(3, true), parsed(cl, "LOGCYCLE count=3 forward=yes"));
        assertEquals(new ClusterRequest.SetValidNodes("apache", List.of(), true),
                parsed(cl, "SETVALIDNODES app=apache forward=yes"));
        assertEquals(new ClusterRequest.SetValidNodes("apache", List.of(), true),
                parsed(cl, "SETVALIDNODES APP=apache FORWARD=yes"));
        assertEquals(new ClusterRequest.SetValidNodes("samba", List.of("sl4s1"), true),
                parsed(cl, "SETVALIDNODES app=samba nodes=sl4s1 forward=yes"));
        assertEquals(new ClusterRequest.StartApp("apache"), parsed(cl, "START_APP app=apache"));
        assertEquals(new ClusterRequest.Echo(false, false), parsed(cl, "ECHO"));
        assertEquals(new ClusterRequest.Echo(false, true), parsed(cl, "ECHO HELLO=yes"));
        assertEquals(new ClusterRequest.AppStatus("apache", false, false, false),
                parsed(cl, "app_status app=apache forward=no".replace(" forward=no", "")));
        Vocabulary<LemsRequest> lems = LemsRequest.VOCABULARY;
        assertEquals(new LemsRequest.Pause(Optional.empty()), parsed(lems, "PAUSE"));
        assertEquals(new LemsRequest.Pause(Optional.of("httpd")), parsed(lems, "PAUSE httpd"));
        assertEquals(new LemsRequest.Cmd("httpd", "MAXCOUNT 10"), parsed(lems, "CMD httpd MAXCOUNT 10"));
        assertEquals(new LemsRequest.Cmd("httpd", "RESET"), parsed(lems, "CMD httpd RESET"));
        assertEquals(new LemsRequest.Verbose(false), parsed(lems, "VERBOSE OFF"));
        assertEquals(new LemsRequest.LogCycle(5), parsed(lems, "LOGCYCLE 5"));
        assertEquals(new LemsRequest.Remove("flag_check"), parsed(lems, "REMOVE flag_check"));
        assertEquals(new NetRequest.Reread(Optional.empty()), parsed(NetRequest.VOCABULARY, "REREAD"));
    }

    @Test
    void forwardIsAnOrdinaryArgument() {
        assertEquals("APP_STATUS app=apache lvinfo=yes",
                new ClusterRequest.AppStatus("apache", true, false, false).format());
        assertEquals(new ClusterRequest.DeregApp("apache", true),
                parsed(ClusterRequest.VOCABULARY, "DEREG_APP forward=yes app=apache"));
        assertEquals(ParseError.Kind.UNKNOWN_ARG, error(ClusterRequest.VOCABULARY, "TOC forward=yes").kind());
    }

    @Test
    void badRequestsGiveTypedErrorsWhoseRepliesNameTheFaultAndTheSyntax() {
        Vocabulary<ClusterRequest> cl = ClusterRequest.VOCABULARY;
        ParseError unknown = error(cl, "FROBNICATE app=x");
        assertEquals(ParseError.Kind.UNKNOWN_REQUEST, unknown.kind());
        assertTrue(unknown.toReply().text().startsWith("ERROR unknown request FROBNICATE for the cluster daemon"));
        assertTrue(unknown.toReply().text().contains("HELP"));

        ParseError missing = error(cl, "APP_STATUS lvinfo=yes");
        assertEquals(ParseError.Kind.MISSING_ARG, missing.kind());
        assertEquals("MISSING_ARG", missing.toReply().code());
        assertTrue(missing.toReply().text().contains("app=<value> is required"), missing.toReply().text());
        assertTrue(missing.toReply().text().contains("usage: APP_STATUS app=name"), missing.toReply().text());

        assertEquals(ParseError.Kind.MISSING_ARG, error(cl, "APP_STATUS app=").kind());
        assertEquals(ParseError.Kind.MISSING_ARG, error(cl, "STOP_DRBD app=a vg=v").kind());
        assertEquals(ParseError.Kind.MISSING_ARG, error(cl, "VERBOSE").kind());
        assertEquals(ParseError.Kind.MALFORMED_ARG, error(cl, "LOGCYCLE count=100").kind());
        assertEquals(ParseError.Kind.MALFORMED_ARG, error(cl, "APP_STATUS app=a lvinfo=maybe").kind());
        assertEquals(ParseError.Kind.MALFORMED_ARG, error(cl, "APP_UPDATE app=a state=FLYING").kind());
        assertEquals(ParseError.Kind.MALFORMED_ARG, error(cl, "APP_STATUS app=a app=b").kind());
        assertEquals(ParseError.Kind.MALFORMED_ARG, error(cl, "SETVALIDNODES app=a nodes=A,,B").kind());
        assertEquals(ParseError.Kind.MALFORMED_ARG, error(cl, "APP_STATUS app=%Z").kind());
        assertEquals(ParseError.Kind.UNKNOWN_ARG, error(cl, "APP_STATUS ap=apache app=apache").kind());
        assertEquals(ParseError.Kind.UNKNOWN_ARG, error(cl, "APP_STATUS app=apache extra").kind());
        assertEquals(ParseError.Kind.EMPTY, error(cl, "   ").kind());
        assertEquals(ParseError.Kind.UNKNOWN_REQUEST, error(cl, "GET_STAT").kind());
        assertEquals(ParseError.Kind.UNKNOWN_REQUEST, error(cl, "AP\u0001P").kind());
        assertEquals(ParseError.Kind.MISSING_ARG, error(LemsRequest.VOCABULARY, "REMOVE").kind());
        assertEquals(ParseError.Kind.UNKNOWN_REQUEST, error(LemsRequest.VOCABULARY, "TOC").kind());
    }

    @Test
    void randomTextNeverThrowsAndEveryAcceptedRequestRoundTrips() {
        long seed = Long.getLong("wire.vocabulary.seed", System.nanoTime());
        System.out.println("VocabularyTest seed " + seed + " (rerun with -Dwire.vocabulary.seed=" + seed + ")");
        java.util.Random random = new java.util.Random(seed);
        String[] pieces = {"APP_STATUS", "CMD", "LOCK", "REREAD", "VERBOSE", "LOGCYCLE", "SETVALIDNODES", "app=",
            "name=", "nodes=", "count=", "forward=yes", "on=true", "off=", "x", "ON", "5", "100", "%", "%2", "%20",
            "=", " ", "  ", "\t", ",", "\u0000", "\u00e9", "vg=", "lv=", "type=client", "wait=", "-1"};
        List<Vocabulary<? extends Request>> all = List.of(ClusterRequest.VOCABULARY, LemsRequest.VOCABULARY,
                LockRequest.VOCABULARY, NetRequest.VOCABULARY);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(7);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            for (Vocabulary<? extends Request> vocabulary : all) {
                ParseResult<? extends Request> result = vocabulary.parse(text.toString());
                if (result instanceof ParseResult.Parsed<? extends Request> ok) {
                    assertEquals(ok.request(), parsed(vocabulary, ok.request().format()),
                            "seed " + seed + ": " + text);
                }
            }
        }
    }

    private static <R extends Request> R parsed(Vocabulary<R> vocabulary, String text) {
        ParseResult<R> result = vocabulary.parse(text);
        if (result instanceof ParseResult.Failed<R> failed) {
            throw new AssertionError(text + " -> " + failed.error());
        }
        return ((ParseResult.Parsed<R>) result).request();
    }

    private static ParseError error(Vocabulary<?> vocabulary, String text) {
        return assertInstanceOf(ParseResult.Failed.class, vocabulary.parse(text)).error();
    }
}

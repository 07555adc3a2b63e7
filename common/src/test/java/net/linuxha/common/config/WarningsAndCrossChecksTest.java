package net.linuxha.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proves that where the Reference only warns (clbuild 7.2.4, clbuildapp 19.1, Lems 24.3), the file loads and the
 * warning says what is wrong; and that an application is checked against the cluster's topology.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WarningsAndCrossChecksTest {

    private static final Path CLCONF = Path.of("/etc/cluster/clconf.xml");
    private static final Path APPCONF = Path.of("/etc/cluster/apache/appconf.xml");
    private static final Path LEMS = Path.of("/etc/cluster/apache/lems.local.xml");

    private static String sample(String name) {
        return Samples.read(Samples.etcSamples().resolve(name));
    }

    @Test
    void smallMaxBlockDevsAndShortKeepaliveWarn() throws ConfigException {
        String xml = sample("clconf.xml").replace("<maxblockdevs>50</maxblockdevs>", "<maxblockdevs>5</maxblockdevs>")
                .replace("<keepalive>3</keepalive>", "<keepalive>1</keepalive>");
        Loaded<ClusterConfig> loaded = ClusterConfig.parse(CLCONF, xml);
        assertEquals(5, loaded.config().maxReplicatedFileSystems());
        assertEquals(List.of(
                CLCONF + ": <global><maxblockdevs>: value \"5\" is small: the cluster can replicate at most 5 file "
                        + "systems; 10 or more is advised",
                CLCONF + ": <timings><keepalive>: value \"1\" is below 3 seconds, which is not recommended (7.2.1)"),
                loaded.warningLines());
    }

    @Test
    void effectiveLimitIsTheLowerOfPortPoolAndMaxBlockDevs() throws ConfigException {
        String xml = sample("clconf.xml").replace("<maxblockdevs>50</maxblockdevs>",
                "<maxblockdevs>200</maxblockdevs>");
        assertEquals(99, ClusterConfig.parse(CLCONF, xml).config().maxReplicatedFileSystems());
    }

    @Test
    void badTakeoverFallsBackToNormalWithAWarning() throws ConfigException {
        Loaded<ApplicationConfig> loaded = ApplicationConfig.parse(APPCONF, sample("apache/appconf.xml")
                .replace("<takeover>normal</takeover>", "<takeover>forced</takeover>"));
        assertEquals(Takeover.NORMAL, loaded.config().takeover());
        assertEquals(List.of(APPCONF + ": <global><takeover>: value \"forced\" is neither \"normal\" nor \"force\"; "
                + "using \"normal\" (8.1)"), loaded.warningLines());
    }

    @Test
    void highLevelDirectivesOnlyWarn() throws ConfigException {
        Loaded<ApplicationConfig> loaded = ApplicationConfig.parse(APPCONF, sample("apache/appconf.xml")
                .replace("<autostart>yes</autostart>", "<autostart>sometimes</autostart><dependencies>samba, apache,"
                        + " my.db</dependencies><preferred_node>LEAST_IO</preferred_node>"));
        ApplicationConfig a = loaded.config();
        assertFalse(a.autostart());
        assertEquals(List.of("samba"), a.dependencies());
        assertEquals(Optional.empty(), a.preferredNode());
        assertEquals(List.of(
                APPCONF + ": <global><autostart>: value \"sometimes\" is not true, false, yes or no; the application "
                        + "will not be started automatically",
                APPCONF + ": <global><dependencies>: dependency \"apache\" is this application itself; it is ignored",
                APPCONF + ": <global><dependencies>: dependency \"my.db\" is not an application name; it is ignored",
                APPCONF + ": <global><preferred_node>: value \"LEAST_IO\" is not a node name, LEAST_APP_LOAD or "
                        + "LEAST_CPU_LOAD; it is ignored"), loaded.warningLines());
    }

    @Test
    void unknownLemsActionsWarnBecauseLemsIgnoresThem() throws ConfigException {
        Loaded<LemsConfig> loaded = LemsConfig.parse(LEMS, sample("apache/lems.local.xml")
                .replace("<action rc=\"2\" action=\"FAILOVER\"/>",
                        "<action rc=\"2\" action=\"RUNCMD email root; rubbish; RUN nosuch; FAILOVER\"/>"));
        assertEquals(List.of("RUNCMD email root", "rubbish", "RUN nosuch", "FAILOVER"),
                loaded.config().check("httpd").orElseThrow().actionFor(2).orElseThrow().steps());
        assertEquals(List.of(
                LEMS + ": <check[httpd]><action_list><action[rc=2]>@action: action \"rubbish\" is not one of "
                        + "%RCDATA%, ABORT, FAILOVER, HALT, HALTAPP, NOP, PAUSE, REMOVEMON, RUN, RUNCMD, START, STOP, "
                        + "STOPAPP; Lems will ignore it",
                LEMS + ": <check[httpd]><action_list><action[rc=2]>@action: action \"RUN nosuch\" names check "
                        + "\"nosuch\", which this file does not define; Lems will ignore it"), loaded.warningLines());
    }

    @Test
    void applicationNetworkMustExistInTheClusterAndPreferredNodeShouldBeANode() throws ConfigException {
        ClusterConfig cluster = ClusterConfig.parse(CLCONF, sample("clconf.xml")).config();
        ApplicationConfig app = ApplicationConfig.parse(APPCONF, sample("apache/appconf.xml")
                .replace("net=\"public\"", "net=\"main\"")
                .replace("<autostart>yes</autostart>", "<preferred_node>serverc</preferred_node>")).config();
        Validation v = ApplicationClusterCheck.check(APPCONF, app, cluster);
        assertEquals(List.of(new ConfigProblem(APPCONF, "<networks><network[main]>@net", "value \"main\" must be a "
                + "network of the cluster topology in clconf.xml (public, drbd)")), v.errors());
        assertEquals(List.of(new ConfigProblem(APPCONF, "<global><preferred_node>", "value \"serverc\" is not a node "
                + "of cluster cluster1 (servera, serverb); it is ignored")), v.warnings());
        ConfigException e = assertThrows(ConfigException.class, v::throwIfErrors);
        assertEquals(List.of(APPCONF + ": <networks><network[main]>@net: value \"main\" must be a network of the "
                + "cluster topology in clconf.xml (public, drbd)"), e.lines());
    }

    @Test
    void scriptArgumentsAreSplitOnWhiteSpace() throws ConfigException {
        ApplicationConfig app = ApplicationConfig.parse(APPCONF, sample("apache/appconf.xml")
                .replace("/apache/admin/scripts/startapp<", "/apache/admin/scripts/apachectl  start  -k<")).config();
        assertEquals(List.of("/apache/admin/scripts/apachectl", "start", "-k"), app.startScript().orElseThrow().argv());
    }
}

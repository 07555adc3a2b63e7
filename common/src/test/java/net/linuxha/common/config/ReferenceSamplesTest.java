package net.linuxha.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Proves the Reference's own sample files load, with the values they show and the documented defaults. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReferenceSamplesTest {

    @Test
    void clconfOf72LoadsWithItsValuesAndNoWarnings() throws ConfigException {
        Loaded<ClusterConfig> loaded = ClusterConfig.load(Samples.reference("clconf.xml"));
        ClusterConfig c = loaded.config();
        assertEquals(List.of(), loaded.warnings());
        assertEquals("cluster1", c.name());
        assertEquals("0.3", c.version());
        assertEquals("replicated", c.data());
        assertEquals("drbd", c.dataDetail());
        assertEquals(DataProtocol.C, c.dataProtocol());
        assertEquals(Path.of("/var/log/cluster"), c.logDir());
        assertEquals("mykey", c.key());
        assertEquals(9900, c.port());
        assertEquals(OptionalInt.of(9849), c.clPort());
        assertEquals(OptionalInt.of(9850), c.clnetdPort());
        assertEquals(new PortPool(9901, 9999), c.portPool());
        assertEquals(99, c.portPool().size());
        assertEquals(50, c.maxBlockDevs());
        assertEquals(50, c.maxReplicatedFileSystems(), "the lower of port pool (99) and maxblockdevs (50)");
        assertEquals("drbd", c.drbdNetwork());
        assertEquals(EchoType.ICMP, c.echoType());
        assertEquals(new Timings(Duration.ofSeconds(3), Duration.ofSeconds(7), Duration.ofSeconds(12),
                Duration.ofSeconds(300)), c.timings());
        assertEquals(List.of("servera", "serverb"), c.nodes().stream().map(ClusterNode::name).toList());
        assertEquals(List.of("public", "drbd"), c.networkNames());
        assertEquals(List.of("eth0", "eth1"), c.node("serverb").network("public").orElseThrow().cards());
        assertEquals("public", c.node("servera").networkOfCard("eth1").orElseThrow().name());
        assertEquals("serverb", c.otherNode("servera").name());
        assertFalse(c.toString().contains("mykey"), "the key must never be printed: " + c);
    }

    @Test
    void optionalGlobalsTakeTheDocumentedDefaults() throws ConfigException {
        String xml = Samples.read(Samples.reference("clconf.xml"))
                .replace("    <dataprotocol>C</dataprotocol>\n", "")
                .replace("    <echotype>ICMP</echotype>\n", "")
                .replace("    <logdir>/var/log/cluster</logdir>\n", "")
                .replace("    <clusterform>300</clusterform>\n", "")
                .replace("    <clport>9849</clport>\n", "")
                .replace("    <clnetdport>9850</clnetdport>\n", "");
        Loaded<ClusterConfig> loaded = ClusterConfig.parse(Path.of("/etc/cluster/clconf.xml"), xml);
        ClusterConfig c = loaded.config();
        assertEquals(DataProtocol.C, c.dataProtocol());
        assertEquals(EchoType.ICMP, c.echoType());
        assertEquals(Path.of("/var/log/cluster"), c.logDir());
        assertEquals(Duration.ofSeconds(300), c.timings().clusterform());
        assertEquals(OptionalInt.empty(), c.clPort());
        assertEquals(OptionalInt.empty(), c.clnetdPort());
        assertEquals(List.of(
                "/etc/cluster/clconf.xml: <global><clport>: is not set, so cluster lock support is disabled; this is "
                        + "strongly discouraged (7.2.3): set it to a free port, e.g. 9849",
                "/etc/cluster/clconf.xml: <global><clnetdport>: is not set, so the cluster network daemon and network "
                        + "fail-over are disabled: set it to a free port, e.g. 9850"), loaded.warningLines());
    }

    @Test
    void timingsAcceptFractionsOfSeconds() throws ConfigException {
        String xml = Samples.read(Samples.reference("clconf.xml"))
                .replace("<keepalive>3</keepalive>", "<keepalive>3.5</keepalive>")
                .replace("<warn>7</warn>", "<warn>7.25</warn>");
        Timings t = ClusterConfig.parse(Path.of("/etc/cluster/clconf.xml"), xml).config().timings();
        assertEquals(Duration.ofMillis(3500), t.keepalive());
        assertEquals(Duration.ofMillis(7250), t.warn());
    }

    @Test
    void apacheAppconfOf81LoadsWithDefaults() throws ConfigException {
        Loaded<ApplicationConfig> loaded = ApplicationConfig.load(Samples.reference("apache/appconf.xml"));
        ApplicationConfig a = loaded.config();
        assertEquals(List.of(), loaded.warnings());
        assertEquals("apache", a.name());
        assertEquals("0.1", a.version());
        assertEquals(Optional.empty(), a.description());
        assertEquals(Takeover.NORMAL, a.takeover());
        assertEquals(2000, a.syncRateKb());
        assertFalse(a.autostart(), "autostart defaults to false");
        assertEquals(List.of(), a.dependencies());
        assertEquals(Optional.empty(), a.preferredNode());
        assertEquals(List.of(new ApplicationNetwork("main", List.of("172.16.177.200"), Optional.of("255.255.255.0"),
                Optional.empty(), List.of("172.16.177.1"), 100, Optional.empty(), Optional.empty())), a.networks());
        assertEquals(List.of(new VolumeGroup("app01vg", "filesystems")), a.volumeGroups());
        assertEquals("/apache/admin/scripts/startapp", a.startScript().orElseThrow().program());
        assertEquals(List.of(), a.startScript().orElseThrow().arguments());
        assertEquals("/apache/admin/scripts/shutdown", a.stopScript().orElseThrow().program());
        assertEquals(Duration.ofSeconds(20), a.maxStartTime());
        assertEquals(Duration.ofSeconds(10), a.maxStopTime());
    }

    @Test
    void sambaAppconfOf146LoadsWithPingSettingsAndWarnsAboutTheMissingNetmask() throws ConfigException {
        Loaded<ApplicationConfig> loaded = ApplicationConfig.load(Samples.reference("samba/appconf.xml"));
        ApplicationConfig a = loaded.config();
        assertEquals("samba", a.name());
        assertEquals("0.2", a.version());
        assertEquals(5000, a.syncRateKb());
        assertEquals(Optional.of(PreferredNode.of(PreferredNode.Policy.LEAST_CPU_LOAD)), a.preferredNode());
        assertFalse(a.autostart());
        ApplicationNetwork n = a.networks().get(0);
        assertEquals("prod", n.net());
        assertEquals(List.of("192.168.0.86"), n.ips());
        assertEquals(Optional.empty(), n.netmask());
        assertEquals(Optional.of("255.255.255.255"), n.broadcast());
        assertEquals(List.of("192.168.0.1", "192.168.0.4"), n.checklist());
        assertEquals(50, n.checkPercent());
        assertEquals(Optional.of(EchoType.ICMP), n.pingType());
        assertEquals(Optional.of(Duration.ofSeconds(2)), n.pingTimeout());
        assertEquals(List.of(new VolumeGroup("sambavg", "filesystems")), a.volumeGroups());
        assertEquals(Duration.ofSeconds(10), a.maxStartTime());
        // clbuildapp's own output for this file (14.7): "WARN ... Network prod missing netmask - will use default."
        assertEquals(List.of(Samples.reference("samba/appconf.xml") + ": <networks><network[prod]>@netmask: is not "
                + "set; the default netmask of the network's card will be used"), loaded.warningLines());
    }

    @Test
    void mysqlGlobalOf19HasDependenciesPreferredNodeAndAutostart() throws ConfigException {
        ApplicationConfig a = ApplicationConfig.load(Samples.reference("mysql/appconf.xml")).config();
        assertEquals(Takeover.FORCE, a.takeover());
        assertEquals(List.of("samba"), a.dependencies());
        assertEquals(Optional.of(PreferredNode.of(PreferredNode.Policy.LEAST_CPU_LOAD)), a.preferredNode());
        assertTrue(a.autostart());
        assertEquals(List.of(), a.networks());
        assertEquals(Optional.empty(), a.startScript());
        assertEquals(ApplicationConfig.DEFAULT_MAX_TIME, a.maxStartTime(), "22.2: 30 seconds when not configured");
        assertEquals(ApplicationConfig.DEFAULT_MAX_TIME, a.maxStopTime());
        assertEquals(1000, a.syncRateKb(), "8.1: syncrate defaults to 1000 KB/s");
    }

    @Test
    void cllocksOf723GivesTheBuiltInLocks() throws ConfigException {
        LockConfig locks = LockConfig.load(Samples.reference("cllocks.xml")).config();
        assertEquals(LockConfig.DEFAULTS, locks);
        assertEquals(Duration.ofSeconds(40), locks.lock("NET").orElseThrow().maxHold());
        assertEquals("DRBD Primary Access", locks.lock("NBD_CLIENT").orElseThrow().description());
    }

    @Test
    void lemsSampleOf242LoadsEveryCheck() throws ConfigException {
        Loaded<LemsConfig> loaded = LemsConfig.load(Samples.reference("apache/lems.local.xml"));
        LemsConfig l = loaded.config();
        assertEquals(List.of(), loaded.warnings());
        assertEquals(Path.of("/sbin/cluster/lems/modules"), l.modules());
        assertEquals(Path.of("/sbin/cluster/lems/programs"), l.programs());
        assertEquals(Path.of("/var/log/cluster/lems/logs"), l.logs());
        assertEquals(8900, l.port());
        assertEquals(List.of("flag_check", "httpd", "ip", "link", "move_ip", "fsmon"),
                l.checks().stream().map(LemsCheck::name).toList());
        LemsCheck httpd = l.check("httpd").orElseThrow();
        assertEquals(LemsCheck.Type.INTERNAL, httpd.type());
        assertEquals("procmon", httpd.module());
        assertEquals(List.of("/etc/cluster/apache/httpd.xml"), httpd.arguments());
        assertEquals(Duration.ofSeconds(10), httpd.interval());
        assertEquals("FAILOVER", httpd.actionFor(2).orElseThrow().raw());
        assertTrue(l.check("move_ip").orElseThrow().triggeredOnly(), "interval 0: only run when triggered");
        assertEquals(Duration.ofSeconds(2), l.check("link").orElseThrow().interval());
        assertEquals(List.of("PAUSE 60"), l.check("fsmon").orElseThrow().actionFor(10).orElseThrow().steps());
    }

    @Test
    void sambaLemsOf146Loads() throws ConfigException {
        LemsConfig l = LemsConfig.load(Samples.reference("samba/lems.local.xml")).config();
        assertEquals(8801, l.port());
        assertEquals(List.of("flag_check", "smbd", "ip", "fsmonitor"), l.checks().stream().map(LemsCheck::name)
                .toList());
    }

    @Test
    void actionListsSplitOnSemicolons() {
        LemsAction action = LemsAction.of(1, "RUNCMD email root; rubbish; FAILOVER");
        assertEquals(List.of("RUNCMD email root", "rubbish", "FAILOVER"), action.steps());
        assertEquals("RUNCMD email root; rubbish; FAILOVER", action.raw());
    }

    @Test
    void procmonSamplesOf93And2448Load() throws ConfigException {
        ProcmonConfig p = ProcmonConfig.load(Samples.reference("apache/httpd.xml")).config();
        assertEquals(Path.of("/var/log/cluster"), p.logDir());
        assertEquals(3, p.restarts());
        assertEquals(Duration.ofSeconds(3600), p.resetWindow());
        assertEquals("/apache/admin/scripts/restart", p.restartCommand().orElseThrow().program());
        ProcessSpec web = p.processes().get(0);
        assertEquals("Web Server", web.label());
        assertEquals("nobody", web.user());
        assertEquals("httpd", web.processString().pattern());
        assertEquals(1, web.minCount());
        assertEquals(10, web.maxCount());
        ProcmonConfig q = ProcmonConfig.load(Samples.reference("apache/httpd-24.4.8.xml")).config();
        assertEquals(List.of("/apache/admin/apache", "restart"), q.restartCommand().orElseThrow().argv());
    }

    @Test
    void procmonDefaultsOf2448() throws ConfigException {
        ProcmonConfig p = ProcmonConfig.parse(Path.of("/etc/cluster/apache/httpd.xml"), "<procmon><global><restarts>0"
                + "</restarts></global><process><label>web</label><process_string>httpd</process_string></process>"
                + "</procmon>").config();
        assertEquals(ProcmonConfig.DEFAULT_LOG_DIR, p.logDir());
        assertEquals(Duration.ofSeconds(3600), p.resetWindow());
        assertEquals(Optional.empty(), p.restartCommand());
        ProcessSpec web = p.processes().get(0);
        assertTrue(web.anyUser(), "user defaults to \".\", every user");
        assertEquals(1, web.minCount());
        assertEquals(999, web.maxCount());
    }

    @Test
    void clstartupOf104Loads() throws ConfigException {
        StartupConfig s = StartupConfig.load(Samples.reference("clstartup.xml")).config();
        assertTrue(s.allowSingleNode());
        assertFalse(s.backgroundStartup());
        assertFalse(s.joinExistingCluster());
        assertTrue(s.autostartApps());
        assertEquals(Optional.of(Duration.ofSeconds(120)), s.timeout());
        ClusterConfig cluster = ClusterConfig.load(Samples.reference("clconf.xml")).config();
        assertEquals(Duration.ofSeconds(120), s.effectiveTimeout(cluster));
        StartupConfig noTimeout = new StartupConfig(true, false, false, true, Optional.empty());
        assertEquals(Duration.ofSeconds(300), noTimeout.effectiveTimeout(cluster), "falls back to clusterform");
    }
}

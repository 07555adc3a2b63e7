package net.linuxha.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that each kind of broken file is refused with the exact message a user reads: file, element path, bad
 * value and what is expected, in the format documented on {@link ConfigException}. Each case starts from a valid
 * sample of etc-samples and breaks one thing.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BrokenConfigTest {

    private static final Path CLCONF = Path.of("/etc/cluster/clconf.xml");
    private static final Path APPCONF = Path.of("/etc/cluster/apache/appconf.xml");
    private static final Path LEMS = Path.of("/etc/cluster/apache/lems.local.xml");
    private static final Path PROCMON = Path.of("/etc/cluster/apache/httpd.xml");
    private static final Path LOCKS = Path.of("/etc/cluster/cllocks.xml");
    private static final Path STARTUP = Path.of("/etc/cluster/clstartup.xml");

    private static final String SECONDS = "a number of seconds greater than 0 (fractions such as 0.5 are allowed)";
    private static final String CARD_NAME = "must be a Linux interface name such as eth0 (1-15 letters, digits, "
            + "'_', '-', '.'; no ':' aliases)";

    enum Kind { CLUSTER, APP, LEMS, PROCMON, LOCKS, STARTUP }

    private record Case(String what, Kind kind, String xml, List<String> expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void clconf(String what, String from, String to, String... expected) {
        add(what, Kind.CLUSTER, "clconf.xml", CLCONF, from, to, expected);
    }

    private static void appconf(String what, String from, String to, String... expected) {
        add(what, Kind.APP, "apache/appconf.xml", APPCONF, from, to, expected);
    }

    private static void lems(String what, String from, String to, String... expected) {
        add(what, Kind.LEMS, "apache/lems.local.xml", LEMS, from, to, expected);
    }

    private static void procmon(String what, String from, String to, String... expected) {
        add(what, Kind.PROCMON, "apache/httpd.xml", PROCMON, from, to, expected);
    }

    private static void locks(String what, String from, String to, String... expected) {
        add(what, Kind.LOCKS, "cllocks.xml", LOCKS, from, to, expected);
    }

    private static void startup(String what, String from, String to, String... expected) {
        add(what, Kind.STARTUP, "clstartup.xml", STARTUP, from, to, expected);
    }

    private static void add(String what, Kind kind, String sample, Path file, String from, String to,
                            String... expected) {
        String base = Samples.read(Samples.etcSamples().resolve(sample));
        if (!base.contains(from)) {
            throw new IllegalArgumentException("case '" + what + "': sample " + sample + " has no \"" + from + "\"");
        }
        List<String> lines = Stream.of(expected).map(e -> file + ": " + e).toList();
        CASES.add(new Case(what, kind, base.replace(from, to), lines));
    }

    static {
        // clconf.xml: timings (7.2.1)
        clconf("warn not above keepalive", "<warn>7</warn>", "<warn>2</warn>",
                "<timings><warn>: value \"2\" must be greater than <keepalive> (3)");
        clconf("dead not above warn", "<dead>12</dead>", "<dead>7</dead>",
                "<timings><dead>: value \"7\" must be greater than <warn> (7)");
        clconf("negative keepalive", "<keepalive>3</keepalive>", "<keepalive>-1</keepalive>",
                "<timings><keepalive>: value \"-1\" must be " + SECONDS);
        clconf("zero keepalive", "<keepalive>3</keepalive>", "<keepalive>0</keepalive>",
                "<timings><keepalive>: value \"0\" must be " + SECONDS);
        clconf("missing warn", "<warn>7</warn>", "",
                "<timings><warn>: is missing; it must be the seconds of silence before a warning, e.g. 7");
        clconf("clusterform not a number", "<clusterform>300</clusterform>", "<clusterform>5m</clusterform>",
                "<timings><clusterform>: value \"5m\" must be " + SECONDS);
        clconf("missing timings", "<timings>\n    <keepalive>3</keepalive>\n    <warn>7</warn>\n    <dead>12</dead>\n"
                        + "    <clusterform>300</clusterform>\n</timings>", "",
                "<timings>: is missing; it must be the heartbeat timings (<keepalive>, <warn>, <dead>, <clusterform>)");
        clconf("text between elements", "<timings>", "<timings>junk",
                "<timings>: unexpected text \"junk\"; this element holds only elements");
        // clconf.xml: ports
        clconf("port zero", "<port>9900</port>", "<port>0</port>",
                "<global><port>: value \"0\" must be a port number from 1 to 65535");
        clconf("port too large", "<port>9900</port>", "<port>70000</port>",
                "<global><port>: value \"70000\" must be a port number from 1 to 65535");
        clconf("clport equals port", "<clport>9849</clport>", "<clport>9900</clport>",
                "<global><clport>: value \"9900\" must differ from <port> (9900); each daemon needs its own port");
        clconf("clnetdport equals clport", "<clnetdport>9850</clnetdport>", "<clnetdport>9849</clnetdport>",
                "<global><clnetdport>: value \"9849\" must differ from <clport> (9849); each daemon needs its own "
                        + "port");
        clconf("port pool reversed", "<portpool>9901,9999</portpool>", "<portpool>9999,9901</portpool>",
                "<global><portpool>: value \"9999,9901\" must be \"min,max\" with 1 <= min < max <= 65535, e.g. "
                        + "9901,9999");
        clconf("port pool with a dash", "<portpool>9901,9999</portpool>", "<portpool>9901-9999</portpool>",
                "<global><portpool>: value \"9901-9999\" must be \"min,max\" with 1 <= min < max <= 65535, e.g. "
                        + "9901,9999");
        clconf("port pool too small", "<portpool>9901,9999</portpool>", "<portpool>9901,9905</portpool>",
                "<global><portpool>: value \"9901,9905\" must be a range of at least 10 ports (it holds 5)");
        clconf("port pool holds the cldaemon port", "<portpool>9901,9999</portpool>",
                "<portpool>9800,9999</portpool>",
                "<global><portpool>: value \"9800,9999\" must not include <port> (9900); every cluster port must be "
                        + "outside the port pool",
                "<global><portpool>: value \"9800,9999\" must not include <clport> (9849); every cluster port must "
                        + "be outside the port pool",
                "<global><portpool>: value \"9800,9999\" must not include <clnetdport> (9850); every cluster port "
                        + "must be outside the port pool");
        clconf("duplicate port element", "<port>9900</port>", "<port>9900</port><port>9901</port>",
                "<global><port>: appears 2 times; it must appear once");
        clconf("maxblockdevs zero", "<maxblockdevs>50</maxblockdevs>", "<maxblockdevs>0</maxblockdevs>",
                "<global><maxblockdevs>: value \"0\" must be a whole number of DRBD devices greater than 0");
        // clconf.xml: global values
        clconf("old version", "<version>0.3</version>", "<version>0.2</version>",
                "<global><version>: value \"0.2\" must be \"0.3\", the only clconf.xml format this software reads");
        clconf("enbd", "<datadetail>drbd</datadetail>", "<datadetail>enbd</datadetail>",
                "<global><datadetail>: value \"enbd\" is no longer supported; it must be \"drbd\"");
        clconf("nbd", "<datadetail>drbd</datadetail>", "<datadetail>nbd</datadetail>",
                "<global><datadetail>: value \"nbd\" is no longer supported; it must be \"drbd\"");
        clconf("shared data", "<data>replicated</data>", "<data>shared</data>",
                "<global><data>: value \"shared\" is not supported yet; it must be \"replicated\"");
        clconf("name with a space", "<name>cluster1</name>", "<name>cluster 1</name>",
                "<global><name>: value \"cluster 1\" must be the cluster name, alphanumeric (letters and digits only)");
        clconf("key with a period", "<key>mykey</key>", "<key>my.key</key>",
                "<global><key>: value \"my.key\" must be an alphanumeric key without spaces or periods");
        clconf("missing key", "<key>mykey</key>", "",
                "<global><key>: is missing; it must be an alphanumeric key without spaces or periods");
        clconf("dataprotocol D", "<dataprotocol>C</dataprotocol>", "<dataprotocol>D</dataprotocol>",
                "<global><dataprotocol>: value \"D\" must be A, B or C (the DRBD protocol; C is the safest and the "
                        + "default)");
        clconf("echotype PING", "<echotype>ICMP</echotype>", "<echotype>PING</echotype>",
                "<global><echotype>: value \"PING\" must be ICMP, UDP or TCP (ICMP is the default)");
        clconf("relative logdir", "<logdir>/var/log/cluster</logdir>", "<logdir>var/log</logdir>",
                "<global><logdir>: value \"var/log\" must be an absolute directory path, normally /var/log/cluster");
        clconf("misspelt element", "<port>9900</port>", "<port>9900</port><prot>9900</prot>",
                "<global><prot>: unknown element; expected one of <name>, <version>, <data>, <datadetail>, "
                        + "<dataprotocol>, <logdir>, <key>, <drbd_network>, <echotype>, <port>, <clport>, "
                        + "<clnetdport>, <portpool>, <maxblockdevs>");
        clconf("element inside a text element", "<name>cluster1</name>", "<name>cluster1<x/></name>",
                "<global><name><x>: unknown element; <name> holds no elements");
        clconf("wrong root element", "clconf>", "cluster>",
                "<cluster>: wrong root element; this file must start with <clconf>");
        // clconf.xml: topology
        clconf("unknown network attribute", "<network name=\"public\" cards=\"eth0,eth1\"/>\n    "
                        + "<network name=\"drbd\" cards=\"eth2\"/>\n</node>\n<node>",
                "<network name=\"public\" cards=\"eth0,eth1\" speed=\"1000\"/>\n    <network name=\"drbd\" "
                        + "cards=\"eth2\"/>\n</node>\n<node>",
                "<node[servera]><network[public]>@speed: unknown attribute; expected one of name, cards");
        clconf("one node", "<node>\n    <name>serverb</name>\n    <network name=\"public\" cards=\"eth0,eth1\"/>\n"
                        + "    <network name=\"drbd\" cards=\"eth2\"/>\n</node>", "",
                "<node>: appears 1 time; a cluster must define exactly two nodes");
        clconf("same node names", "<name>serverb</name>", "<name>servera</name>",
                "<node[servera]><name>: value \"servera\" must differ from the name of the first node");
        clconf("node name with underscore", "<name>servera</name>", "<name>server_a</name>",
                "<node[1]><name>: value \"server_a\" must be the node's host name (letters, digits, '-', '.')");
        clconf("networks differ between nodes", "<name>serverb</name>\n    <network name=\"public\" "
                        + "cards=\"eth0,eth1\"/>", "<name>serverb</name>",
                "<node[serverb]>: has no network \"public\" but node servera has; both nodes must define the same "
                        + "logical networks");
        clconf("card in two networks", "<name>servera</name>\n    <network name=\"public\" cards=\"eth0,eth1\"/>\n"
                        + "    <network name=\"drbd\" cards=\"eth2\"/>",
                "<name>servera</name>\n    <network name=\"public\" cards=\"eth0,eth1\"/>\n"
                        + "    <network name=\"drbd\" cards=\"eth1\"/>",
                "<node[servera]><network[drbd]>@cards: card \"eth1\" is already in network \"public\" on node "
                        + "servera; a card can belong to only one network");
        clconf("alias card", "<name>servera</name>\n    <network name=\"public\" cards=\"eth0,eth1\"/>",
                "<name>servera</name>\n    <network name=\"public\" cards=\"eth0:1,eth1\"/>",
                "<node[servera]><network[public]>@cards: card \"eth0:1\" " + CARD_NAME);
        clconf("empty card list", "<name>servera</name>\n    <network name=\"public\" cards=\"eth0,eth1\"/>",
                "<name>servera</name>\n    <network name=\"public\" cards=\"\"/>",
                "<node[servera]><network[public]>@cards: value \"\" must be a comma-separated list of Linux "
                        + "interface names such as eth0,eth1 (1-15 letters, digits, '_', '-', '.'; no ':' aliases)");
        clconf("network listed twice on a node", "<name>servera</name>\n",
                "<name>servera</name>\n    <network name=\"public\" cards=\"eth3\"/>\n",
                "<node[servera]><network[public]>@name: value \"public\" is defined twice on this node; list all its "
                        + "cards in one <network> element");
        clconf("drbd network on no node", "<drbd_network>drbd</drbd_network>",
                "<drbd_network>replication</drbd_network>",
                "<node[servera]>: has no network \"replication\", the <global><drbd_network>; the DRBD network must "
                        + "be defined on both nodes",
                "<node[serverb]>: has no network \"replication\", the <global><drbd_network>; the DRBD network must "
                        + "be defined on both nodes");
        clconf("several problems at once", "<port>9900</port>", "<port>x</port><mystery/>",
                "<global><port>: value \"x\" must be a port number from 1 to 65535",
                "<global><mystery>: unknown element; expected one of <name>, <version>, <data>, <datadetail>, "
                        + "<dataprotocol>, <logdir>, <key>, <drbd_network>, <echotype>, <port>, <clport>, "
                        + "<clnetdport>, <portpool>, <maxblockdevs>");

        // appconf.xml (8.1, 14.6, 19)
        appconf("newer version", "<version>0.2</version>", "<version>0.3</version>",
                "<global><version>: value \"0.3\" is for a later software revision; this software reads appconf.xml "
                        + "version 0.1 or 0.2: correct <version> or upgrade");
        appconf("version not a number", "<version>0.2</version>", "<version>one</version>",
                "<global><version>: value \"one\" must be 0.1 or 0.2");
        appconf("name differs from directory", "<name>apache</name>", "<name>httpd</name>",
                "<global><name>: value \"httpd\" must be the name of the application's directory, \"apache\"");
        appconf("name with a space", "<name>apache</name>", "<name>my app</name>",
                "<global><name>: value \"my app\" must be an application name (letters, digits, '_', '-'; no spaces "
                        + "or periods)");
        appconf("syncrate zero", "<syncrate>2000</syncrate>", "<syncrate>0</syncrate>",
                "<global><syncrate>: value \"0\" must be a whole number of KB/s greater than 0, e.g. 1000");
        appconf("bad service address", "ip=\"172.16.177.200\"", "ip=\"172.16.177.300\"",
                "<networks><network[public]>@ip: address \"172.16.177.300\" must be an IPv4 address such as "
                        + "172.16.177.200");
        appconf("address listed twice", "ip=\"172.16.177.200\"", "ip=\"172.16.177.200,172.16.177.200\"",
                "<networks><network[public]>@ip: address \"172.16.177.200\" is listed twice; list each service "
                        + "address once");
        appconf("non-contiguous netmask", "netmask=\"255.255.255.0\"", "netmask=\"255.0.255.0\"",
                "<networks><network[public]>@netmask: value \"255.0.255.0\" must be a netmask such as 255.255.255.0");
        appconf("bad broadcast", "netmask=\"255.255.255.0\"", "netmask=\"255.255.255.0\" broadcast=\"172.16.177\"",
                "<networks><network[public]>@broadcast: value \"172.16.177\" must be an IPv4 address such as "
                        + "172.16.177.200");
        appconf("checkpercent above 100", "netmask=\"255.255.255.0\"",
                "netmask=\"255.255.255.0\" checklist=\"172.16.177.1\" checkpercent=\"101\"",
                "<networks><network[public]>@checkpercent: value \"101\" must be a percentage from 0 to 100 (0 turns "
                        + "IP checking off)");
        appconf("bad checklist host", "netmask=\"255.255.255.0\"",
                "netmask=\"255.255.255.0\" checklist=\"172.16.177.1,gate way\"",
                "<networks><network[public]>@checklist: host \"gate way\" must be a host name or an IPv4 address");
        appconf("unknown ping type", "netmask=\"255.255.255.0\"", "netmask=\"255.255.255.0\" pingtype=\"arp\"",
                "<networks><network[public]>@pingtype: value \"arp\" must be icmp, udp or tcp");
        appconf("misspelt network attribute", "netmask=\"255.255.255.0\"", "mask=\"255.255.255.0\"",
                "<networks><network[public]>@mask: unknown attribute; expected one of net, ip, netmask, broadcast, "
                        + "checklist, checkpercent, pingtype, pingtimeout");
        appconf("network without net", "<network net=\"public\"", "<network",
                "<networks><network[1]>@net: is missing; it must be the name of a network of clconf.xml, e.g. public");
        appconf("volume group type", "<type>filesystems</type>", "<type>raw</type>",
                "<vg[app01vg]><type>: value \"raw\" must be \"filesystems\", the only volume group type");
        appconf("relative start script", "<startscript>/apache/admin/scripts/startapp</startscript>",
                "<startscript>scripts/startapp</startscript>",
                "<application><startscript>: value \"scripts/startapp\" must be an absolute program path, optionally "
                        + "followed by arguments, e.g. /apache/admin/scripts/startapp");
        appconf("maxstarttime not a number", "<maxstarttime>20</maxstarttime>", "<maxstarttime>soon</maxstarttime>",
                "<application><maxstarttime>: value \"soon\" must be " + SECONDS);
        appconf("misspelt global element", "<syncrate>2000</syncrate>", "<syncrate>2000</syncrate><autostrt>yes"
                        + "</autostrt>",
                "<global><autostrt>: unknown element; expected one of <version>, <name>, <description>, <takeover>, "
                        + "<syncrate>, <autostart>, <dependencies>, <preferred_node>");

        // lems.local.xml (24.2)
        lems("interval below 0.5", "<module>procmon /etc/cluster/apache/httpd.xml</module>\n    "
                        + "<interval>10</interval>",
                "<module>procmon /etc/cluster/apache/httpd.xml</module>\n    <interval>0.2</interval>",
                "<check[httpd]><interval>: value \"0.2\" must be 0 (run only when triggered) or from 0.5 to 3600 "
                        + "seconds");
        lems("interval above 3600", "<module>procmon /etc/cluster/apache/httpd.xml</module>\n    "
                        + "<interval>10</interval>",
                "<module>procmon /etc/cluster/apache/httpd.xml</module>\n    <interval>3601</interval>",
                "<check[httpd]><interval>: value \"3601\" must be 0 (run only when triggered) or from 0.5 to 3600 "
                        + "seconds");
        lems("check type", "<name>httpd</name>\n    <type>internal</type>", "<name>httpd</name>\n    "
                        + "<type>script</type>",
                "<check[httpd]><type>: value \"script\" must be internal or program");
        lems("duplicate check name", "<name>link</name>", "<name>httpd</name>",
                "<check[httpd]><name>: value \"httpd\" is used by an earlier check; each check must have a unique "
                        + "name");
        lems("missing port", "    port=\"8800\"\n", "",
                "<globals>@port: is missing; it must be the port this Lems listens on, a port number from 1 to 65535");
        lems("return code not a number", "<action rc=\"1\" action=\"STOP\"/>", "<action rc=\"x\" action=\"STOP\"/>",
                "<check[httpd]><action_list><action[2]>@rc: value \"x\" must be a return code from 0 to 255");
        lems("return code twice", "<action rc=\"2\" action=\"FAILOVER\"/>", "<action rc=\"1\" action=\"FAILOVER\"/>",
                "<check[httpd]><action_list><action[rc=1]>@rc: value \"1\" already has an action; give each return "
                        + "code one action (separate several with ';')");
        lems("missing module", "<module>procmon /etc/cluster/apache/httpd.xml</module>", "",
                "<check[httpd]><module>: is missing; it must be the module or program name and its arguments, e.g. "
                        + "procmon /etc/cluster/apache/httpd.xml");

        // procmon (24.4.8)
        procmon("missing restarts", "<restarts>3</restarts>", "",
                "<global><restarts>: is missing; it must be the number of restarts allowed before a fail-over, a whole "
                        + "number");
        procmon("max below min", "<max_count>10</max_count>", "<max_count>0</max_count>",
                "<process[Web Server]><max_count>: value \"0\" must be at least <min_count> (1)");
        procmon("bad regular expression", "<process_string>httpd</process_string>",
                "<process_string>httpd(</process_string>",
                "<process[Web Server]><process_string>: value \"httpd(\" must be a valid regular expression (Unclosed "
                        + "group at index 6)");
        procmon("no process", "<process>\n    <label>Web Server</label>\n    <user>nobody</user>\n    "
                        + "<process_string>httpd</process_string>\n    <min_count>1</min_count>\n    "
                        + "<max_count>10</max_count>\n  </process>", "",
                "<process>: is missing; it must be at least one <process> with <label> and <process_string>");

        // cllocks.xml (7.2.3)
        locks("zero hold time", "maxt=\"40\"", "maxt=\"0\"",
                "<lock[NET]>@maxt: value \"0\" must be " + SECONDS);
        locks("lock defined twice", "name=\"NBD_SERVER\"", "name=\"NET\"",
                "<lock[NET]>@name: value \"NET\" is defined twice; define each lock once");

        // clstartup.xml (10.4)
        startup("maybe", "<allow_single_node>yes</allow_single_node>", "<allow_single_node>maybe</allow_single_node>",
                "<allow_single_node>: value \"maybe\" must be yes or no");
        startup("missing autostart_apps", "<autostart_apps>yes</autostart_apps>", "",
                "<autostart_apps>: is missing; it must be yes or no");
        startup("negative timeout", "<timeout>120</timeout>", "<timeout>-5</timeout>",
                "<timeout>: value \"-5\" must be " + SECONDS);
    }

    static Stream<Arguments> cases() {
        return CASES.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brokenFileIsRefusedWithTheExactMessage(Case c) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(c.kind(), c.xml()));
        assertEquals(c.expected(), e.lines());
        assertEquals(String.join("\n", c.expected()), e.getMessage());
    }

    @Test
    void theTableHoldsAtLeastFortyBrokenFiles() {
        assertTrue(CASES.size() >= 40, "only " + CASES.size() + " cases");
    }

    @Test
    void malformedXmlNamesTheLineAndColumn() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ClusterConfig.parse(CLCONF, "<clconf>\n<global>\n</clconf>\n"));
        assertEquals(1, e.problems().size());
        assertEquals("line 3 column 3", e.problems().get(0).location());
        assertTrue(e.lines().get(0).startsWith(CLCONF + ": line 3 column 3: the file is not well-formed XML: "),
                e.lines().get(0));
        assertTrue(e.lines().get(0).endsWith("; fix the XML syntax"), e.lines().get(0));
    }

    @Test
    void emptyFileSaysWhatItMustContain() {
        ConfigException e = assertThrows(ConfigException.class, () -> ClusterConfig.parse(CLCONF, ""));
        assertEquals(List.of(CLCONF + ": line 1 column 1: the file is not well-formed XML: Premature end of file.; "
                + "fix the XML syntax"), e.lines());
    }

    @Test
    void entitiesAreRefusedSoAToolRunningAsRootCannotBeMadeToReadOtherFiles() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE clconf [<!ENTITY x SYSTEM \"file:///etc/shadow\">]>\n"
                + "<clconf>&x;</clconf>\n";
        ConfigException e = assertThrows(ConfigException.class, () -> ClusterConfig.parse(CLCONF, xml));
        assertEquals(List.of(CLCONF + ": line 3 column 12: the file is not well-formed XML: The entity \"x\" was "
                + "referenced, but not declared.; fix the XML syntax"), e.lines());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = Path.of("/nonexistent/etc/cluster/clconf.xml");
        ConfigException e = assertThrows(ConfigException.class, () -> ClusterConfig.load(missing));
        assertEquals(List.of(missing + ": the file does not exist; create it (samples are in etc-samples/ of the "
                + "distribution)"), e.lines());
    }

    private static Object parse(Kind kind, String xml) throws ConfigException {
        return switch (kind) {
            case CLUSTER -> ClusterConfig.parse(CLCONF, xml);
            case APP -> ApplicationConfig.parse(APPCONF, xml);
            case LEMS -> LemsConfig.parse(LEMS, xml);
            case PROCMON -> ProcmonConfig.parse(PROCMON, xml);
            case LOCKS -> LockConfig.parse(LOCKS, xml);
            case STARTUP -> StartupConfig.parse(STARTUP, xml);
        };
    }
}

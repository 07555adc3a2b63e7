package net.linuxha.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;


/**
 * The quickstart of lab/demo/run done by the application scenarios (packages apps and lemsscen), with the real
 * tools only: the sample clconf.xml with short timings ({@link Halab#shortTimingsClconf}) and clbuild on servera; an
 * application's volume groups, logical volumes and ext4 file systems made with the storage simulator and mounted on
 * the node that builds it; its directory /etc/cluster/APP (appconf.xml, optionally edited by the test, lems.local.xml
 * and httpd.xml from etc-samples/apache) and the demo's start/stop scripts in its admin file system; then clbuildapp
 * --check, --vgbuild, --build and --sync. Then clform (with {@code LINUXHA_TOC_ACTION=halt-node}, which clform passes
 * on to the other node's daemon: a node reset in the lab stops its applications and ends its daemons).
 *
 * <p>{@link #SAMPLE} is etc-samples/apache (app01vg: admin, docs, logs; 172.16.177.200). {@link #second} is a copy
 * under another name with its own address and volume groups, whose scripts serve and stop only its own web server.
 */
public final class SampleApp {

    /** An application to build: name, service address, volume groups with their logical volumes, Lems or not. */
    public record Spec(String name, String ip, Map<String, List<String>> volumeGroups, boolean lems) {
        public String mountBase() {
            return "/" + name;
        }

        public List<String> volumes() {
            List<String> all = new ArrayList<>();
            volumeGroups.values().forEach(all::addAll);
            return all;
        }
    }

    public static final Spec SAMPLE = new Spec("apache", "172.16.177.200", Map.of("app01vg", List.of("admin", "docs",
            "logs")), true);
    public static final List<String> NODES = List.of("servera", "serverb");
    public static final Duration TOOL_LIMIT = Duration.ofMinutes(4);
    private static final String CLUSTER_LOG = "/var/log/cluster/cldaemon-cluster1.log";

    public final Halab lab;

    public SampleApp(Halab lab) {
        this.lab = lab;
    }

    /**
     * A second web application, "apache2" on 172.16.177.201, with two volume groups as the Reference's samba
     * example could have (app02vg: admin, docs; app03vg: logs), no Lems, depending on apache and preferring serverb.
     */
    public static Spec second() {
        Map<String, List<String>> volumeGroups = new LinkedHashMap<>();
        volumeGroups.put("app02vg", List.of("admin", "docs"));
        volumeGroups.put("app03vg", List.of("logs"));
        return new Spec("apache2", "172.16.177.201", volumeGroups, false);
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** A shell command line in a node, bounded by {@link #TOOL_LIMIT}. */
    public Halab.Result run(String node, String commandLine) {
        return lab.halab(TOOL_LIMIT, Map.of(), "exec", node, "sh", "-c", commandLine);
    }

    /** As {@link #run}, failing with the output unless it succeeded. */
    public Halab.Result ok(String node, String commandLine) {
        return Halab.require(run(node, commandLine), node + ": " + commandLine);
    }

    /** A linuxha tool the way the lab runs daemons: with the lab's node reset action. */
    public Halab.Result tool(String node, String commandLine) {
        return run(node, "LINUXHA_TOC_ACTION=halt-node " + commandLine);
    }

    // ---- building ---------------------------------------------------------------------------------------------

    /** clconf.xml from etc-samples with the short timings, on servera, validated and copied by clbuild. */
    public void cluster() {
        lab.put("servera", "/etc/cluster/clconf.xml", Halab.shortTimingsClconf(), "600");
        ok("servera", "clbuild");
    }

    /** The sample application built from servera, appconf.xml changed by {@code edit} first. */
    public void buildSample(UnaryOperator<String> edit) {
        build(SAMPLE, "servera", edit.apply(Halab.checkoutFile("etc-samples/apache/appconf.xml")),
                "page of apache\n");
    }

    /** The {@link #second} application built from {@code node}; the output of its clbuildapp --check. */
    public String buildSecond(String node) {
        Spec spec = second();
        StringBuilder vgs = new StringBuilder();
        spec.volumeGroups().keySet().forEach(vg -> vgs.append("<vg><name>").append(vg)
                .append("</name><type>filesystems</type></vg>\n"));
        String appconf = "<?xml version=\"1.0\"?>\n<appconf>\n<global><version>0.2</version><name>" + spec.name()
                + "</name><description>A second web server, after apache</description><takeover>normal</takeover>"
                + "<syncrate>2000</syncrate><autostart>yes</autostart><preferred_node>serverb</preferred_node>"
                + "<dependencies>apache</dependencies></global>\n<networks><network net=\"public\" ip=\"" + spec.ip()
                + "\" netmask=\"255.255.255.0\"/></networks>\n" + vgs + "<application><startscript>"
                + spec.mountBase() + "/admin/scripts/startapp</startscript><stopscript>" + spec.mountBase()
                + "/admin/scripts/shutdown</stopscript><maxstoptime>10</maxstoptime><maxstarttime>20</maxstarttime>"
                + "</application>\n</appconf>\n";
        return build(spec, node, appconf, "page of " + spec.name() + "\n");
    }

    /**
     * Storage on {@code node}, the application directory, the scripts and a page, then clbuildapp's four stages;
     * the output of --check (verbose).
     */
    public String build(Spec spec, String node, String appconf, String page) {
        Map<String, String> files = new LinkedHashMap<>();
        if (spec.lems()) {
            for (String file : List.of("lems.local.xml", "httpd.xml")) {
                files.put(file, Halab.checkoutFile("etc-samples/apache/" + file));
            }
        }
        return build(spec, node, appconf, page, files);
    }

    /** As {@link #build(Spec, String, String, String)} with {@code files} (name to text) in /etc/cluster/APP. */
    public String build(Spec spec, String node, String appconf, String page, Map<String, String> files) {
        String base = spec.mountBase();
        spec.volumeGroups().forEach((vg, lvs) -> {
            ok(node, "simvg create " + vg + " 200M >/dev/null");
            for (String lv : lvs) {
                ok(node, "lvcreate -L 20M -n " + lv + " " + vg + " >/dev/null && mkfs.ext4 -q /dev/" + vg + "/" + lv
                        + " && mkdir -p " + base + "/" + lv + " && mount /dev/" + vg + "/" + lv + " " + base + "/"
                        + lv);
            }
        });
        for (String script : List.of("startapp", "shutdown", "restart")) {
            String text = Halab.checkoutFile("lab/demo/apache/scripts/" + script);
            if (!spec.name().equals(SAMPLE.name())) {
                // Its own address, directories and processes: stopping it must leave the other web server alone.
                text = text.replace("172.16.177.200", spec.ip()).replace("/apache/", base + "/")
                        .replace("pattern='^httpd -m http.server'", "pattern='^httpd -m http.server --bind "
                                + spec.ip() + " '");
            }
            lab.put(node, base + "/admin/scripts/" + script, text, "755");
        }
        lab.put(node, base + "/docs/index.html", page, "644");
        lab.put(node, "/etc/cluster/" + spec.name() + "/appconf.xml", appconf, "644");
        files.forEach((file, text) -> lab.put(node, "/etc/cluster/" + spec.name() + "/" + file, text, "644"));
        String checked = ok(node, "clbuildapp -A " + spec.name() + " -V --check").out();
        for (String stage : List.of("vgbuild", "build", "sync")) {
            ok(node, "clbuildapp -A " + spec.name() + " --" + stage);
        }
        return checked;
    }

    /** clform on servera; fails unless the cluster formed (autostart requests are made but not waited for). */
    public Halab.Result form(String options) {
        return Halab.require(tool("servera", "clform " + options), "clform " + options);
    }

    // ---- observing --------------------------------------------------------------------------------------------

    /** The answer of {@code node}'s own cluster daemon to {@code request}, or the error output. */
    public String ask(String node, String request) {
        Halab.Result r = run(node, "cldaemonctl --node " + node + " --msg '" + request + "'");
        return r.ok() ? r.out().strip() : "exit " + r.exitCode() + ": " + r.out().strip() + r.err().strip();
    }

    /** APP_STATUS of {@code app} as {@code node}'s daemon sees it: STATE,node,monitor,starttime,stale. */
    public String status(String node, String app) {
        return ask(node, "APP_STATUS app=" + app);
    }

    public boolean startedOn(String app, String where) {
        return status(where, app).startsWith("STARTED," + where + ",");
    }

    /** Whether a card of {@code node} holds {@code ip}. */
    public boolean holds(String node, String ip) {
        return run(node, "ip -4 -o addr | grep -q ' " + ip + "/'").ok();
    }

    /** What the client gets from http://IP/PATH within 3 s, or "" on any failure. */
    public String page(String ip, String path) {
        Halab.Result r = lab.halab(Duration.ofSeconds(10), Map.of(), "client", "curl", "-s", "--max-time", "3",
                "http://" + ip + "/" + path);
        return r.ok() ? r.out() : "";
    }

    public String clusterLog(String node) {
        return run(node, "cat " + CLUSTER_LOG).out();
    }

    /** Whether {@code node}'s cluster daemon process exists. */
    public boolean daemonRuns(String node) {
        return run(node, "pgrep -f -- '-Dlinuxha[.]process=cldaemon-cluster1 '").ok();
    }

    /** Both daemons' logs and the application's state, for failure messages. */
    public String diagnosis(String app) {
        StringBuilder sb = new StringBuilder();
        for (String node : NODES) {
            sb.append("=== ").append(node).append(": ").append(status(node, app)).append("\n")
                    .append(run(node, "tail -n 40 " + CLUSTER_LOG + "; tail -n 15 /var/log/cluster/clstart." + app
                            + ".log /var/log/cluster/cldaemon." + app + ".actions.log 2>/dev/null").out());
        }
        return sb.toString();
    }
}

package net.linuxha.lab.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import net.linuxha.lab.Halab;

/**
 * The quickstart of lab/demo/run done by the application scenarios of this package, with the real tools only: the
 * sample clconf.xml with short timings (keepalive 0.5, warn 1, dead 3, clusterform 20) and clbuild on servera; an
 * application's volume groups, logical volumes and ext4 file systems made with the storage simulator and mounted on
 * the node that builds it; its directory /etc/cluster/APP (appconf.xml, optionally edited by the test, lems.local.xml
 * and httpd.xml from etc-samples/apache) and the demo's start/stop scripts in its admin file system; then clbuildapp
 * --check, --vgbuild, --build and --sync. Then clform (with {@code LINUXHA_TOC_ACTION=halt-node}, which clform passes
 * on to the other node's daemon: a node reset in the lab stops its applications and ends its daemons).
 *
 * <p>{@link #SAMPLE} is etc-samples/apache (app01vg: admin, docs, logs; 172.16.177.200). {@link #second} is a copy
 * under another name with its own address and volume groups, whose scripts serve and stop only its own web server.
 */
final class SampleApp {

    /** An application to build: name, service address, volume groups with their logical volumes, Lems or not. */
    record Spec(String name, String ip, Map<String, List<String>> volumeGroups, boolean lems) {
        String mountBase() {
            return "/" + name;
        }

        List<String> volumes() {
            List<String> all = new ArrayList<>();
            volumeGroups.values().forEach(all::addAll);
            return all;
        }
    }

    static final Spec SAMPLE = new Spec("apache", "172.16.177.200", Map.of("app01vg", List.of("admin", "docs",
            "logs")), true);
    static final List<String> NODES = List.of("servera", "serverb");
    static final Duration TOOL_LIMIT = Duration.ofMinutes(4);
    private static final String CLUSTER_LOG = "/var/log/cluster/cldaemon-cluster1.log";

    final Halab lab;
    private final Path checkout;

    SampleApp(Halab lab) {
        this.lab = lab;
        this.checkout = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    }

    /**
     * A second web application, "apache2" on 172.16.177.201, with two volume groups as the Reference's samba
     * example could have (app02vg: admin, docs; app03vg: logs), no Lems, depending on apache and preferring serverb.
     */
    static Spec second() {
        Map<String, List<String>> volumeGroups = new LinkedHashMap<>();
        volumeGroups.put("app02vg", List.of("admin", "docs"));
        volumeGroups.put("app03vg", List.of("logs"));
        return new Spec("apache2", "172.16.177.201", volumeGroups, false);
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** A shell command line in a node, bounded by {@link #TOOL_LIMIT}. */
    Halab.Result run(String node, String commandLine) {
        return lab.halab(TOOL_LIMIT, Map.of(), "exec", node, "sh", "-c", commandLine);
    }

    /** As {@link #run}, failing with the output unless it succeeded. */
    Halab.Result ok(String node, String commandLine) {
        return Halab.require(run(node, commandLine), node + ": " + commandLine);
    }

    /** A linuxha tool the way the lab runs daemons: with the lab's node reset action. */
    Halab.Result tool(String node, String commandLine) {
        return run(node, "LINUXHA_TOC_ACTION=halt-node " + commandLine);
    }

    /** Writes {@code text} to {@code path} inside the node (commands get no standard input from the harness). */
    void put(String node, String path, String text, String mode) {
        String b64 = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        ok(node, "mkdir -p $(dirname " + path + ") && echo " + b64 + " | base64 -d > " + path + " && chmod " + mode
                + " " + path);
    }

    String sample(String relative) {
        try {
            return Files.readString(checkout.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- building ---------------------------------------------------------------------------------------------

    /** clconf.xml from etc-samples with the short timings, on servera, validated and copied by clbuild. */
    void cluster() {
        String clconf = sample("etc-samples/clconf.xml").replace("<keepalive>3<", "<keepalive>0.5<")
                .replace("<warn>7<", "<warn>1<").replace("<dead>12<", "<dead>3<")
                .replace("<clusterform>300<", "<clusterform>20<");
        put("servera", "/etc/cluster/clconf.xml", clconf, "600");
        ok("servera", "clbuild");
    }

    /** The sample application built from servera, appconf.xml changed by {@code edit} first. */
    void buildSample(UnaryOperator<String> edit) {
        build(SAMPLE, "servera", edit.apply(sample("etc-samples/apache/appconf.xml")), "page of apache\n");
    }

    /** The {@link #second} application built from {@code node}; the output of its clbuildapp --check. */
    String buildSecond(String node) {
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
    String build(Spec spec, String node, String appconf, String page) {
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
            String text = sample("lab/demo/apache/scripts/" + script);
            if (!spec.name().equals(SAMPLE.name())) {
                // Its own address, directories and processes: stopping it must leave the other web server alone.
                text = text.replace("172.16.177.200", spec.ip()).replace("/apache/", base + "/")
                        .replace("pattern='^httpd -m http.server'", "pattern='^httpd -m http.server --bind "
                                + spec.ip() + " '");
            }
            put(node, base + "/admin/scripts/" + script, text, "755");
        }
        put(node, base + "/docs/index.html", page, "644");
        put(node, "/etc/cluster/" + spec.name() + "/appconf.xml", appconf, "644");
        if (spec.lems()) {
            for (String file : List.of("lems.local.xml", "httpd.xml")) {
                put(node, "/etc/cluster/" + spec.name() + "/" + file, sample("etc-samples/apache/" + file), "644");
            }
        }
        String checked = ok(node, "clbuildapp -A " + spec.name() + " -V --check").out();
        for (String stage : List.of("vgbuild", "build", "sync")) {
            ok(node, "clbuildapp -A " + spec.name() + " --" + stage);
        }
        return checked;
    }

    /** clform on servera; fails unless the cluster formed (autostart requests are made but not waited for). */
    Halab.Result form(String options) {
        return Halab.require(tool("servera", "clform " + options), "clform " + options);
    }

    // ---- observing --------------------------------------------------------------------------------------------

    /** The answer of {@code node}'s own cluster daemon to {@code request}, or the error output. */
    String ask(String node, String request) {
        Halab.Result r = run(node, "cldaemonctl --node " + node + " --msg '" + request + "'");
        return r.ok() ? r.out().strip() : "exit " + r.exitCode() + ": " + r.out().strip() + r.err().strip();
    }

    /** APP_STATUS of {@code app} as {@code node}'s daemon sees it: STATE,node,monitor,starttime,stale. */
    String status(String node, String app) {
        return ask(node, "APP_STATUS app=" + app);
    }

    boolean startedOn(String app, String where) {
        return status(where, app).startsWith("STARTED," + where + ",");
    }

    /** Whether a card of {@code node} holds {@code ip}. */
    boolean holds(String node, String ip) {
        return run(node, "ip -4 -o addr | grep -q ' " + ip + "/'").ok();
    }

    /** What the client gets from http://IP/PATH within 3 s, or "" on any failure. */
    String page(String ip, String path) {
        Halab.Result r = lab.halab(Duration.ofSeconds(10), Map.of(), "client", "curl", "-s", "--max-time", "3",
                "http://" + ip + "/" + path);
        return r.ok() ? r.out() : "";
    }

    String clusterLog(String node) {
        return run(node, "cat " + CLUSTER_LOG).out();
    }

    /** Whether {@code node}'s cluster daemon process exists. */
    boolean daemonRuns(String node) {
        return run(node, "pgrep -f -- '-Dlinuxha[.]process=cldaemon-cluster1 '").ok();
    }

    /** Fails with the message (computed then) unless the condition holds within {@code limit}. */
    static void await(Duration limit, BooleanSupplier condition, Supplier<String> message) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message.get());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + message.get(), e);
            }
        }
    }

    /** Both daemons' logs and the application's state, for failure messages. */
    String diagnosis(String app) {
        StringBuilder sb = new StringBuilder();
        for (String node : NODES) {
            sb.append("=== ").append(node).append(": ").append(status(node, app)).append("\n")
                    .append(run(node, "tail -n 40 " + CLUSTER_LOG + "; tail -n 15 /var/log/cluster/clstart." + app
                            + ".log /var/log/cluster/cldaemon." + app + ".actions.log 2>/dev/null").out());
        }
        return sb.toString();
    }
}

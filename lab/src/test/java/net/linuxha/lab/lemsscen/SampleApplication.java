package net.linuxha.lab.lemsscen;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import net.linuxha.lab.Halab;

/**
 * The sample application "apache" built and started the administrator's way (Reference 7-11), as lab/demo/run
 * does: clconf.xml from etc-samples with short timings (keepalive 0.5, warn 1, dead 3, clusterform 20), clbuild,
 * app01vg with three mounted ext4 volumes on servera, the demo's start/stop/restart scripts, appconf.xml (autostart
 * off) and httpd.xml from etc-samples, and a lems.local.xml with flag_check and a procmon check "httpd" on the
 * demo's web server (interval 1); then clbuildapp --check, --vgbuild, --build, --sync, clform and clrunapp.
 */
final class SampleApplication {

    static final String APP = "apache";
    static final String SERVICE_IP = "172.16.177.200";
    static final String APP_DIR = "/etc/cluster/apache";
    static final String LEMS_LOG = "/var/log/cluster/lems/lems-apache.log";
    static final int LEMS_PORT = 8800;
    /** The demo web server as ps shows it (startapp: {@code exec -a httpd python3 -m http.server ...}). */
    static final String HTTPD = "^httpd -m http.server";
    static final String PAGE = "lemsscen page\n";

    /** flag_check and procmon on the demo's web server, each every second. */
    static final String LEMS_LOCAL = """
            <?xml version="1.0"?>
            <lems_config>
              <globals port="8800"/>
              <check>
                <name>flag_check</name>
                <type>internal</type>
                <module>flag_check apache</module>
                <interval>1</interval>
                <action_list>
                  <action rc="0" action="NOP"/>
                  <action rc="1" action="%RCDATA%"/>
                  <action rc="2" action="ABORT"/>
                </action_list>
              </check>
              <check>
                <name>httpd</name>
                <type>internal</type>
                <module>procmon /etc/cluster/apache/httpd.xml</module>
                <interval>1</interval>
                <action_list>
                  <action rc="0" action="NOP"/>
                  <action rc="1" action="STOP"/>
                  <action rc="2" action="FAILOVER"/>
                </action_list>
              </check>
            </lems_config>
            """;

    private final Halab lab;
    private final Path checkout;

    SampleApplication(Halab lab) {
        this.lab = lab;
        this.checkout = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    }

    static Halab.Result ok(Halab lab, String node, String commandLine) {
        return Halab.require(lab.sh(node, commandLine), node + ": " + commandLine);
    }

    /** A command that may take long (clbuildapp --sync, clform, clrunapp): up to {@code limit}. */
    static Halab.Result slow(Halab lab, Duration limit, String node, String commandLine) {
        return Halab.require(lab.halab(limit, Map.of(), "exec", node, "sh", "-c", commandLine),
                node + ": " + commandLine);
    }

    /** Writes {@code text} to {@code path} inside the node (the harness gives commands no standard input). */
    static void put(Halab lab, String node, String path, String text, String mode) {
        String b64 = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        ok(lab, node, "mkdir -p $(dirname " + path + ") && echo " + b64 + " | base64 -d > " + path + " && chmod "
                + mode + " " + path);
    }

    /** Builds the cluster and the application, forms the cluster and starts apache on servera with clrunapp. */
    void buildAndRun() throws Exception {
        Path samples = checkout.resolve("etc-samples");
        String clconf = Files.readString(samples.resolve("clconf.xml"))
                .replace("<keepalive>3<", "<keepalive>0.5<").replace("<warn>7<", "<warn>1<")
                .replace("<dead>12<", "<dead>3<").replace("<clusterform>300<", "<clusterform>20<");
        put(lab, "servera", "/etc/cluster/clconf.xml", clconf, "600");
        ok(lab, "servera", "clbuild");
        ok(lab, "servera", "simvg create app01vg 200M >/dev/null");
        for (String lv : List.of("admin", "docs", "logs")) {
            ok(lab, "servera", "lvcreate -L 20M -n " + lv + " app01vg >/dev/null && mkfs.ext4 -q /dev/app01vg/" + lv
                    + " && mkdir -p /apache/" + lv + " && mount /dev/app01vg/" + lv + " /apache/" + lv);
        }
        for (String script : List.of("startapp", "shutdown", "restart")) {
            put(lab, "servera", "/apache/admin/scripts/" + script,
                    Files.readString(checkout.resolve("lab/demo/apache/scripts/" + script)), "755");
        }
        put(lab, "servera", "/apache/docs/index.html", PAGE, "644");
        put(lab, "servera", APP_DIR + "/appconf.xml", Files.readString(samples.resolve("apache/appconf.xml"))
                .replace("<autostart>yes<", "<autostart>no<"), "644");
        put(lab, "servera", APP_DIR + "/httpd.xml", Files.readString(samples.resolve("apache/httpd.xml"))
                .replace("<process_string>httpd<", "<process_string>" + HTTPD + "<"), "644");
        put(lab, "servera", APP_DIR + "/lems.local.xml", LEMS_LOCAL, "644");
        for (String stage : List.of("check", "vgbuild", "build")) {
            slow(lab, Duration.ofMinutes(3), "servera", "clbuildapp -A apache --" + stage);
        }
        slow(lab, Duration.ofMinutes(5), "servera", "clbuildapp -A apache --sync");
        slow(lab, Duration.ofMinutes(2), "servera", "clform");
        slow(lab, Duration.ofMinutes(2), "servera", "clrunapp -A apache");
        await(Duration.ofSeconds(30), () -> clstat("servera").lines().anyMatch(l -> l.matches("apache +servera +STARTED .*")),
                () -> "apache STARTED on servera:\n" + clstat("servera"));
        await(Duration.ofSeconds(30), () -> !httpdPid("servera").isEmpty() && clstatApp("servera")
                .contains("Flag Check"), () -> "httpd and Lems running on servera:\n" + clstatApp("servera"));
    }

    String clstat(String node) {
        return lab.exec(node, "clstat").out();
    }

    String clstatApp(String node) {
        Halab.Result r = lab.exec(node, "clstat", "-A", APP);
        return r.out() + r.err();
    }

    /** The PID of the demo web server on the node, or empty. */
    String httpdPid(String node) {
        return lab.exec(node, "pgrep", "-u", "nobody", "-f", HTTPD).out().strip();
    }

    /** The PID of the node's Lems JVM for apache, or empty (the bracket keeps pgrep's own shell out). */
    String lemsPid(String node) {
        return lab.sh(node, "pgrep -f -- '-Dlinuxha[.]process=lems-apache' | head -n 1").out().strip();
    }

    /** {@code lemsctl -A apache --msg MESSAGE} on the node: its output (answer or error). */
    Halab.Result lemsctl(String node, String message) {
        return lab.exec(node, "lemsctl", "-A", APP, "--msg", message);
    }

    String cldaemonctl(String node, String message) {
        return lab.exec(node, "cldaemonctl", "--msg", message).out().strip();
    }

    String lemsLog(String node) {
        return lab.exec(node, "cat", LEMS_LOG).out();
    }

    boolean holdsServiceAddress(String node) {
        return lab.sh(node, "ip -o -4 addr show | grep -q ' " + SERVICE_IP + "/'").ok();
    }

    /** The page as the client gets it from the service address, or empty. */
    String page() {
        return lab.client("curl", "-s", "--max-time", "2", "http://" + SERVICE_IP + "/").out();
    }

    static boolean until(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static void await(Duration limit, BooleanSupplier condition, Supplier<String> message) {
        if (!until(limit, condition)) {
            throw new AssertionError(message.get());
        }
    }
}

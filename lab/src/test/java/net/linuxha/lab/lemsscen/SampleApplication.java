package net.linuxha.lab.lemsscen;

import static net.linuxha.lab.Halab.await;

import java.time.Duration;
import java.util.Map;

import net.linuxha.lab.Halab;
import net.linuxha.lab.SampleApp;

/**
 * The sample application "apache" built and started the administrator's way (Reference 7-11), as lab/demo/run
 * does: clconf.xml from etc-samples with short timings (keepalive 0.5, warn 1, dead 3, clusterform 20), clbuild,
 * app01vg with three mounted ext4 volumes on servera, the demo's start/stop/restart scripts, appconf.xml (autostart
 * off) and httpd.xml from etc-samples, and a lems.local.xml with flag_check and a procmon check "httpd" on the
 * demo's web server (interval 1), all by {@link SampleApp}; then clform and clrunapp.
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

    SampleApplication(Halab lab) {
        this.lab = lab;
    }

    /** A command that may take long (clform, clrunapp): up to {@code limit}. */
    static Halab.Result slow(Halab lab, Duration limit, String node, String commandLine) {
        return Halab.require(lab.halab(limit, Map.of(), "exec", node, "sh", "-c", commandLine),
                node + ": " + commandLine);
    }

    /** Builds the cluster and the application, forms the cluster and starts apache on servera with clrunapp. */
    void buildAndRun() {
        SampleApp sample = new SampleApp(lab);
        sample.cluster();
        sample.build(SampleApp.SAMPLE, "servera", Halab.checkoutFile("etc-samples/apache/appconf.xml")
                .replace("<autostart>yes<", "<autostart>no<"), PAGE, Map.of(
                "httpd.xml", Halab.checkoutFile("etc-samples/apache/httpd.xml")
                        .replace("<process_string>httpd<", "<process_string>" + HTTPD + "<"),
                "lems.local.xml", LEMS_LOCAL));
        slow(lab, Duration.ofMinutes(2), "servera", "clform");
        slow(lab, Duration.ofMinutes(2), "servera", "clrunapp -A apache");
        await(Duration.ofSeconds(30), () -> clstat("servera").lines()
                .anyMatch(l -> l.matches("apache +servera +STARTED .*")),
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
}

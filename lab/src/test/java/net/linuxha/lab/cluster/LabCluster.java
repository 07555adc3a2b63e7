package net.linuxha.lab.cluster;

import java.time.Duration;

import net.linuxha.lab.Halab;
import net.linuxha.common.testing.Wait;

/**
 * The cluster daemon in the lab, driven the way an administrator would: clconf.xml with short timings on both
 * nodes (mode 600) and its build checksum in BuildChecksum's format (md5sum), {@code cldaemon} run inside a node,
 * and requests sent from inside a node with {@code net.linuxha.cluster.tools.Ctl} (the core of cldaemonctl).
 */
final class LabCluster {

    static final String LOG = "/var/log/cluster/cldaemon-cluster1.log";
    static final String SERVICE_IP = "172.16.177.200";
    private static final String CTL = "java -cp '/opt/linuxha/lib/*' net.linuxha.cluster.tools.Ctl";

    final Halab lab;

    LabCluster(Halab lab) {
        this.lab = lab;
    }

    /** The sample clconf.xml with the short timings ({@link Halab#shortTimingsClconf}), and its checksum. */
    void configure() {
        for (String node : new String[] {"servera", "serverb"}) {
            lab.put(node, "/etc/cluster/clconf.xml", Halab.shortTimingsClconf(), "600");
            lab.must(node, "cd /etc/cluster && md5sum clconf.xml > .clbuild.md5");
        }
    }

    /**
     * Application "demo" on both nodes (same appconf.xml, same build checksum) with service address 172.16.177.200
     * on public and a checklist of both nodes' drbd addresses (a node that reaches only itself is cut off).
     */
    void demoApplication() {
        String appconf = "<?xml version=\"1.0\"?>\n<appconf><global><version>0.2</version><name>demo</name>"
                + "<takeover>normal</takeover><autostart>no</autostart></global><networks>"
                + "<network net=\"public\" ip=\"" + SERVICE_IP + "\" netmask=\"255.255.255.0\""
                + " checklist=\"172.16.178.1,172.16.178.2\" checkpercent=\"100\"/></networks>"
                + "<application><startscript>/bin/true</startscript><stopscript>/bin/true</stopscript>"
                + "</application></appconf>";
        for (String node : new String[] {"servera", "serverb"}) {
            lab.put(node, "/etc/cluster/demo/appconf.xml", appconf + "\n", "644");
            lab.must(node, "cd /etc/cluster/demo && md5sum appconf.xml > .appbuild.md5");
        }
    }

    /** Puts the demo service address on servera's eth0, as a started application holds it. */
    void holdServiceAddress(String node) {
        Halab.require(lab.exec(node, "ip", "addr", "add", SERVICE_IP + "/24", "dev", "eth0", "label", "eth0:1"),
                "service address on " + node);
    }

    Halab.Result cldaemon(String node, String env, String... args) {
        return lab.sh(node, env + " LINUXHA_TOC_ACTION=halt-node cldaemon " + String.join(" ", args));
    }

    /** Sends one request to the node's own daemon; the answer, or "UNREACHABLE"/"NOANSWER". */
    String ask(String node, String request) {
        Halab.Result r = lab.sh(node, CTL + " " + request);
        if (r.exitCode() == 4) {
            return "UNREACHABLE";
        }
        return r.ok() ? r.out().trim() : "NOANSWER exit " + r.exitCode() + " " + r.err().trim();
    }

    String log(String node) {
        return lab.exec(node, "cat", LOG).out();
    }

    /** Ends any cluster daemon of the node: ABORT, and SIGKILL by PID if it does not go. */
    void stopDaemon(String node) {
        ask(node, "ABORT");
        Wait.until(Duration.ofSeconds(5), Wait.SLOWLY, () -> pid(node).isEmpty());
        String pid = pid(node);
        if (!pid.isEmpty()) {
            lab.exec(node, "kill", "-9", pid);
        }
    }

    /** The PID of the node's cldaemon-cluster1 process, or empty. */
    String pid(String node) {
        return lab.sh(node, "pgrep -f -- '-Dlinuxha.process=cldaemon-cluster1 ' | head -n 1").out().trim();
    }
}

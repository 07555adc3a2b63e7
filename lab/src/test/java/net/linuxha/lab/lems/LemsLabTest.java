package net.linuxha.lab.lems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import net.linuxha.lab.Halab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import net.linuxha.common.testing.Wait;

/**
 * Lems as the administrator meets it (Reference 9.2, 9.3, 16, 24) on the two lab nodes: {@code lems --check}
 * validates the apache Lems configuration and copies it to serverb over ssh; {@code lems --detach} starts it;
 * procmon restarts a killed "httpd" (a sleep renamed with {@code exec -a}, run as nobody) and GET_STAT/GET_VSTAT
 * show the restart; lemsctl on serverb reaches the Lems on servera; a SIGKILL of the Lems JVM leaves no
 * {@code lems-apache} process (restarting it is cldaemon's job).
 */
@Tag("lab")
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class LemsLabTest {

    private static final int LEMS_PORT = 9950;
    private static final String APP_DIR = "/etc/cluster/apache";
    /** Starts one "httpd" as nobody in its own session, as an application's start script would. */
    private static final String RESTART = """
            #!/bin/bash
            setsid setpriv --reuid=nobody --regid=nogroup --clear-groups bash -c 'exec -a httpd sleep 1000' \\
                </dev/null >/dev/null 2>&1 &
            """;
    private static final String PROCMON = """
            <?xml version="1.0"?>
            <procmon>
              <global>
                <logdir>/var/log/cluster</logdir>
                <restarts>3</restarts>
                <resetwindow>3600</resetwindow>
                <restartcmd>/etc/cluster/apache/restart-httpd</restartcmd>
              </global>
              <process>
                <label>Web Server</label>
                <user>nobody</user>
                <process_string>^httpd 1000</process_string>
                <min_count>1</min_count>
                <max_count>10</max_count>
              </process>
            </procmon>
            """;
    private static final String LEMS_LOCAL = """
            <?xml version="1.0"?>
            <lems_config>
              <globals port="%d"/>
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
              <check>
                <name>flag_check</name>
                <type>internal</type>
                <module>flag_check apache</module>
                <interval>5</interval>
                <action_list>
                  <action rc="0" action="NOP"/>
                  <action rc="1" action="%%RCDATA%%"/>
                  <action rc="2" action="ABORT"/>
                </action_list>
              </check>
            </lems_config>
            """.formatted(LEMS_PORT);

    @Test
    void lemsMonitorsRestartsAndAnswersFromBothNodes() throws Exception {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root (namespaces, mounts, loop devices)");
        Halab.runWithNewLab(lab -> {
            for (String node : new String[] {"servera", "serverb"}) {
                Halab.require(lab.sh(node, "mkdir -p /etc/cluster && cp /opt/linuxha/etc-samples/clconf.xml "
                        + "/etc/cluster/clconf.xml && chmod 600 /etc/cluster/clconf.xml"), "clconf.xml on " + node);
            }
            lab.put("servera", APP_DIR + "/restart-httpd", RESTART, "755");
            lab.put("servera", APP_DIR + "/httpd.xml", PROCMON, "644");
            lab.put("servera", APP_DIR + "/lems.local.xml", LEMS_LOCAL, "644");

            Halab.Result check = Halab.require(lab.exec("servera", "lems", "-A", "apache", "--verbose", "--check"),
                    "lems --check");
            assertTrue(check.out().contains("Validating port not open on serverb..."), check.toString());
            assertTrue(check.out().contains("Configuration transferred successfully."), check.toString());
            assertTrue(check.out().contains("Calculated a check interval of 0.5 seconds."), check.toString());
            assertEquals(LEMS_LOCAL, Halab.require(lab.exec("serverb", "cat", APP_DIR + "/lems.local.xml"),
                    "lems.local.xml copied to serverb").out());

            Halab.require(lab.exec("servera", APP_DIR + "/restart-httpd"), "start httpd");
            assertTrue(Wait.until(Duration.ofSeconds(10), Wait.SLOWLY, () -> !httpdPids(lab).isEmpty()), "httpd runs");
            Halab.Result started = Halab.require(lab.exec("servera", "lems", "-A", "apache", "--detach",
                    "--verbose"), "lems --detach");
            assertTrue(started.out().contains("listening on port " + LEMS_PORT), started.toString());
            assertTrue(lab.sh("servera", "ps -ef | grep -v grep | grep -q -- lems-apache").ok(),
                    "ps shows lems-apache");
            String stat = lemsctl(lab, "servera", "GET_STAT");
            assertTrue(stat.lines().anyMatch(l -> l.matches("httpd,\\d+,1,procmon /etc/cluster/apache/httpd.xml")),
                    stat);
            assertTrue(stat.contains("flag_check,"), stat);

            String before = httpdPids(lab);
            Halab.require(lab.sh("servera", "pkill -KILL -f '^httpd 1000'"), "kill httpd");
            assertTrue(Wait.until(Duration.ofSeconds(30), Wait.SLOWLY, () -> {
                String now = httpdPids(lab);
                return !now.isEmpty() && !now.equals(before);
            }), "procmon restarted httpd; log:\n" + lab.exec("servera", "cat",
                    "/var/log/cluster/lems/lems-apache.log"));
            assertTrue(Wait.until(Duration.ofSeconds(10), Wait.SLOWLY, () -> lemsctl(lab, "servera", "GET_VSTAT httpd")
                    .lines().anyMatch(l -> l.matches("3,1,\\d+"))), lemsctl(lab, "servera", "GET_VSTAT httpd"));
            String fromB = lemsctl(lab, "serverb", "GET_VSTAT httpd");
            assertTrue(fromB.lines().anyMatch(l -> l.matches("3,1,\\d+")), "lemsctl on serverb: " + fromB);
            assertEquals("httpd PAUSED", lemsctl(lab, "serverb", "PAUSE httpd").strip());
            assertTrue(lemsctl(lab, "servera", "GET_STAT httpd").startsWith("httpd,0,"), "paused from serverb");

            // The bracket keeps this shell's own command line from matching.
            Halab.require(lab.sh("servera", "kill -KILL $(pgrep -f -- '-Dlinuxha[.]process=lems-apache')"),
                    "SIGKILL of the Lems JVM");
            assertTrue(Wait.until(Duration.ofSeconds(10), Wait.SLOWLY,
                    () -> !lab.sh("servera", "ps -ef | grep -v grep | grep -q -- lems-apache").ok()),
                    "ps no longer shows lems-apache");
            Halab.Result gone = lab.exec("serverb", "lemsctl", "-A", "apache", "--msg", "GET_STAT");
            assertEquals(4, gone.exitCode(), "no Lems answers once it is killed: " + gone);
        });
    }

    private static String httpdPids(Halab lab) {
        return lab.exec("servera", "pgrep", "-u", "nobody", "-f", "^httpd 1000").out().strip();
    }

    private static String lemsctl(Halab lab, String node, String message) {
        return lab.exec(node, "lemsctl", "-A", "apache", "--msg", message).out();
    }
}

package net.linuxha.lab.lockd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.linuxha.lab.Halab;
import net.linuxha.common.testing.Wait;

/**
 * cllockd in a lab node as an administrator runs it: {@code cllockd --detach} with the sample clconf.xml, two tools
 * (LockCtl, from two shells) wanting the same lock, and the holder killed with SIGKILL: the waiter gets the lock at
 * once, because the dead holder's connection dropped. Run with HALAB_ID=l so it has a lab of its own.
 */
@Tag("lab")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LockDaemonLabTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    private static final String NODE = "servera";
    private static final String LOCKCTL = "java -cp '/opt/linuxha/lib/*' net.linuxha.common.lock.LockCtl";

    @Test
    void aKilledHolderLosesItsLockToTheWaiter() throws Exception {
        assumeTrue(Halab.runningAsRoot(), "lab tests need root (namespaces, mounts, loop devices)");
        Halab.runWithNewLab(lab -> {
            Halab.require(lab.sh(NODE, "cp /opt/linuxha/etc-samples/clconf.xml /etc/cluster/clconf.xml"
                    + " && chmod 600 /etc/cluster/clconf.xml"), "install clconf.xml");

            Halab.Result started = Halab.require(lab.exec(NODE, "cllockd", "--detach"), "cllockd --detach");
            assertTrue(started.out().contains("Successfully started locking daemon cllockd-cluster1"),
                    started.toString());
            String ps = Halab.require(lab.exec(NODE, "ps", "-ef"), "ps -ef").out();
            assertTrue(ps.contains("cllockd-cluster1"), ps);

            String first = startHolder(lab, "h1", "--for 240");
            Wait.assertWithin(MINUTE, Wait.SLOWLY,
                    () -> read(lab, "/tmp/h1.out").contains("HELD NET lockctl." + first + ".1"),
                    () -> "first holder never got NET: " + read(lab, "/tmp/h1.out"));
            String second = startHolder(lab, "h2", "--wait 120 --for 3");
            Wait.assertWithin(MINUTE, Wait.SLOWLY, () -> status(lab).endsWith(",lockctl." + second + ".1"),
                    () -> "second holder is not waiting: " + status(lab) + "\n" + read(lab, "/tmp/h2.out"));
            assertTrue(status(lab).startsWith("NET,lockctl." + first + ".1,"), status(lab));

            Halab.require(lab.exec(NODE, "kill", "-KILL", first), "SIGKILL the holder");
            Wait.assertWithin(MINUTE, Wait.SLOWLY,
                    () -> read(lab, "/tmp/h2.out").contains("HELD NET lockctl." + second + ".1"),
                    () -> "waiter did not get NET after the holder died: " + status(lab) + "\n"
                            + read(lab, "/tmp/h2.out"));
            Wait.assertWithin(MINUTE, Wait.SLOWLY, () -> read(lab, "/tmp/h2.out").contains("RELEASED NET"),
                    () -> "second holder did not release: " + read(lab, "/tmp/h2.out"));
            assertEquals("NET,-,0,40,", status(lab));

            String log = read(lab, "/var/log/cluster/cllockd-cluster1.log");
            assertTrue(log.contains("WARN ") && log.contains("Lock NET released because lockctl." + first
                    + ".1 disconnected while holding it"), log);

            Matcher pid = Pattern.compile("\\(pid (\\d+),").matcher(started.out());
            assertTrue(pid.find(), started.out());
            Halab.require(lab.exec(NODE, "kill", "-TERM", pid.group(1)), "stop cllockd");
            Wait.assertWithin(MINUTE, Wait.SLOWLY,
                    () -> !lab.exec(NODE, "kill", "-0", pid.group(1)).ok(), () -> "cllockd did not stop on TERM");
            Halab.Result down = lab.sh(NODE, LOCKCTL + " hold NET --wait 5 --for 0");
            assertEquals(0, down.exitCode(), down.toString());
            assertTrue(down.out().contains("NOT_HELD NET") && down.out().contains("Unable to read from lock daemon."),
                    "with cllockd gone the tool carries on with a warning: " + down);
        });
    }

    /** Starts a LockCtl holder in the background of a shell of its own; returns its process id in the node. */
    private static String startHolder(Halab lab, String name, String options) {
        Halab.Result result = Halab.require(lab.sh(NODE, "nohup " + LOCKCTL + " hold NET " + options
                + " > /tmp/" + name + ".out 2>&1 < /dev/null & echo $!"), "start " + name);
        return result.out().trim();
    }

    private static String status(Halab lab) {
        return lab.sh(NODE, LOCKCTL + " status NET").out().trim();
    }

    private static String read(Halab lab, String file) {
        return lab.exec(NODE, "cat", file).out();
    }
}

package net.linuxha.common.log;

import java.nio.file.Path;
import java.util.Objects;

import net.linuxha.common.ClusterPaths;

/**
 * The names and places of the log files of Reference 17.1, all in the cluster log directory
 * ({@code /var/log/cluster}, {@link ClusterPaths#log(String)}):
 *
 * <pre>
 * cldaemon-&lt;cluster&gt;.log            cluster daemon (10.1, 17.1.3)
 * cllockd-&lt;cluster&gt;.log             lock daemon (named like its process, cllockd-&lt;cluster&gt;)
 * clnetd-&lt;cluster&gt;.log              network daemon (named like its process, clnetd-&lt;cluster&gt;)
 * &lt;daemon log&gt;.out                 standard output and error of a daemon started with --detach
 * lems/lems-&lt;application&gt;.log       Lems of one application (9.2, 16.8)
 * lems/&lt;application&gt;-&lt;monitor&gt;.stdout / .stderr   output of a RUNCMD action (24.3.1)
 * procmon-&lt;application&gt;-&lt;name&gt;.log  the procmon monitor (24.4.8, its global.logdir)
 * clstart.&lt;application&gt;.log        clstartapp's verbose log (11.1, 17.1.2, 22.2)
 * clhalt.&lt;application&gt;.log         clhaltapp's verbose log (11.4, 17.1.2, 22.2)
 * &lt;application&gt;.start.log / .start.errlog   standard output / error of the start script (17.1.1)
 * &lt;application&gt;.stop.log / .stop.errlog     standard output / error of the stop script (17.1.1)
 * clhalt.log                          clhalt (the listing of 17.1)
 * </pre>
 *
 * <p>The Reference names the daemon logs {@code cldaemon-<clustername>.log} where it shows them (10.1, 17.1 and
 * 17.1.3) and once, in the upgrade notes of 20.3, as plain {@code cldaemon.log} and {@code clnetd.log}; we take the
 * first, and name the lock and network daemon logs the same way so that two clusters' logs cannot collide.
 */
public final class LogFiles {

    private final ClusterPaths paths;

    public LogFiles(ClusterPaths paths) {
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    /** {@code cldaemon-<cluster>.log}. */
    public Path clusterDaemon(String cluster) {
        return paths.log("cldaemon-" + name(cluster, "cluster") + ".log");
    }

    /** {@code cllockd-<cluster>.log}. */
    public Path lockDaemon(String cluster) {
        return paths.log("cllockd-" + name(cluster, "cluster") + ".log");
    }

    /** {@code clnetd-<cluster>.log}. */
    public Path netDaemon(String cluster) {
        return paths.log("clnetd-" + name(cluster, "cluster") + ".log");
    }

    /**
     * A daemon's log with {@code .out} for {@code .log} (e.g. {@code clnetd-<cluster>.out}): the standard output and
     * error of a daemon started with {@code --detach}, normally empty (its log lines go to its log); a JVM that
     * cannot start says why here.
     */
    public static Path detachOutput(Path log) {
        String name = log.getFileName().toString();
        String base = name.endsWith(".log") ? name.substring(0, name.length() - ".log".length()) : name;
        return log.resolveSibling(base + ".out");
    }

    /** {@code lems/}: the directory of Lems logs (the {@code logs} attribute of a Lems configuration's globals). */
    public Path lemsDir() {
        return paths.log("lems");
    }

    /** {@code lems/lems-<application>.log}. */
    public Path lems(String application) {
        return lemsDir().resolve("lems-" + name(application, "application") + ".log");
    }

    /** {@code lems/<application>-<monitor>.stdout}: standard output of a monitor's RUNCMD action. */
    public Path runCommandOutput(String application, String monitor) {
        return lemsDir().resolve(name(application, "application") + "-" + name(monitor, "monitor") + ".stdout");
    }

    /** {@code lems/<application>-<monitor>.stderr}: standard error of a monitor's RUNCMD action. */
    public Path runCommandErrors(String application, String monitor) {
        return lemsDir().resolve(name(application, "application") + "-" + name(monitor, "monitor") + ".stderr");
    }

    /** {@code procmon-<application>-<name>.log} in the cluster log directory (procmon's default logdir). */
    public Path procmon(String application, String monitorName) {
        return paths.log("procmon-" + name(application, "application") + "-" + name(monitorName, "monitor")
                + ".log");
    }

    /** {@code clstart.<application>.log}: where clstartapp logs when no {@code --file} is given. */
    public Path clstart(String application) {
        return paths.log("clstart." + name(application, "application") + ".log");
    }

    /** {@code clhalt.<application>.log}: where clhaltapp logs when no {@code --file} is given. */
    public Path clhalt(String application) {
        return paths.log("clhalt." + name(application, "application") + ".log");
    }

    /** {@code clhalt.log}: the log of clhalt itself. */
    public Path clhalt() {
        return paths.log("clhalt.log");
    }

    /** {@code <application>.start.log}: standard output of the application's start script. */
    public Path startOutput(String application) {
        return paths.log(name(application, "application") + ".start.log");
    }

    /** {@code <application>.start.errlog}: standard error of the application's start script. */
    public Path startErrors(String application) {
        return paths.log(name(application, "application") + ".start.errlog");
    }

    /** {@code <application>.stop.log}: standard output of the application's stop script. */
    public Path stopOutput(String application) {
        return paths.log(name(application, "application") + ".stop.log");
    }

    /** {@code <application>.stop.errlog}: standard error of the application's stop script. */
    public Path stopErrors(String application) {
        return paths.log(name(application, "application") + ".stop.errlog");
    }

    /** A name that is safe as part of a file name: not empty, no path separator, not {@code .} or {@code ..}. */
    private static String name(String value, String what) {
        if (value == null || value.isEmpty() || value.indexOf('/') >= 0 || value.indexOf('\0') >= 0
                || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("a log file name needs a " + what + " name without '/', got "
                    + (value == null ? "none" : "'" + value + "'"));
        }
        return value;
    }
}

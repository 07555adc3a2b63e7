package net.linuxha.common;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Every file and directory the product reads or writes on a node, in one place (Reference 7.2.5, 17.1, 29).
 *
 * <p>Production uses {@link #system()}: {@code /etc/cluster} and {@code /var/log/cluster}. Tests build one over a
 * temporary directory with {@link #under(Path)} so that no component ever touches the real system paths.
 */
public record ClusterPaths(Path configDir, Path logDir, Path runDir) {

    public ClusterPaths {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(runDir, "runDir");
    }

    /** The Reference's locations, or the ones named by the {@code linuxha.root} system property (lab, tests). */
    public static ClusterPaths system() {
        String root = System.getProperty("linuxha.root");
        if (root != null && !root.isBlank()) {
            return under(Path.of(root));
        }
        return new ClusterPaths(Path.of("/etc/cluster"), Path.of("/var/log/cluster"), Path.of("/var/run/cluster"));
    }

    /** The same layout below {@code root}: {@code root/etc/cluster}, {@code root/var/log/cluster}, ... */
    public static ClusterPaths under(Path root) {
        return new ClusterPaths(root.resolve("etc/cluster"), root.resolve("var/log/cluster"),
                root.resolve("var/run/cluster"));
    }

    /** {@code /etc/cluster/clconf.xml} (7.2). */
    public Path clconf() {
        return configDir.resolve("clconf.xml");
    }

    /** {@code /etc/cluster/cllocks.xml} (7.2.3); optional, built-in defaults apply when absent. */
    public Path cllocks() {
        return configDir.resolve("cllocks.xml");
    }

    /** {@code /etc/cluster/clstartup.xml} (10.4). */
    public Path clstartup() {
        return configDir.resolve("clstartup.xml");
    }

    /** {@code /etc/cluster/.clbuild.md5}: the checksum clbuild writes once the configuration validated (7.2.6). */
    public Path clusterBuildChecksum() {
        return configDir.resolve(".clbuild.md5");
    }

    /** {@code /etc/cluster/.resources}: allocated ports, DRBD minors and fsmaps (7.2.5, 8.7). */
    public Path resourcesDir() {
        return configDir.resolve(".resources");
    }

    /** {@code /etc/cluster/.resources/fsmap}: one file per built application (8.7). */
    public Path fsmapDir() {
        return resourcesDir().resolve("fsmap");
    }

    /** {@code /etc/cluster/.resources/fsmap/<application>}: {@code vg:lv:mountpoint:fstype:options:size} (8.7). */
    public Path fsmap(String application) {
        return fsmapDir().resolve(application);
    }

    /**
     * {@code /etc/drbd.d}: the sibling of the configuration directory, so {@link #under(Path)} keeps DRBD resource
     * files below the test root too. The product's own files live in {@code linuxha/} and {@code linuxha.conf}
     * there (docs/storage.md).
     */
    public Path drbdConfigDir() {
        return configDir.resolveSibling("drbd.d");
    }

    /** {@code /etc/cluster/<application>}: appconf.xml, lems.local.xml, flags/ (8.1, 24.2). */
    public Path applicationDir(String application) {
        return configDir.resolve(application);
    }

    public Path appconf(String application) {
        return applicationDir(application).resolve("appconf.xml");
    }

    public Path lemsConfig(String application) {
        return applicationDir(application).resolve("lems.local.xml");
    }

    /** {@code /etc/cluster/<application>/.appbuild.md5}: the application's build checksum (8.5). */
    public Path applicationBuildChecksum(String application) {
        return applicationDir(application).resolve(".appbuild.md5");
    }

    /**
     * {@code /etc/cluster/.status/<application>}: the application's STALE flags ({@code VG.LV.node.STALE}), its
     * {@code TIME} file and {@code LIVENODE} (Reference 5.3, 22.4), kept by clstartapp and clhaltapp on both nodes.
     */
    public Path statusDir(String application) {
        return configDir.resolve(".status").resolve(application);
    }

    /** A log file in the cluster log directory, e.g. {@code cldaemon.log} or {@code clstart.apache.log} (17.1). */
    public Path log(String fileName) {
        return logDir.resolve(fileName);
    }
}

package net.linuxha.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import net.linuxha.common.ClusterPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The log file names and places of Reference 17.1. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LogFilesTest {

    private final LogFiles production = new LogFiles(new ClusterPaths(Path.of("/etc/cluster"),
            Path.of("/var/log/cluster"), Path.of("/var/run/cluster")));

    @Test
    void daemonLogsAreNamedAfterTheCluster() {
        assertEquals(Path.of("/var/log/cluster/cldaemon-cluster2.log"), production.clusterDaemon("cluster2"));
        assertEquals(Path.of("/var/log/cluster/cllockd-cluster2.log"), production.lockDaemon("cluster2"));
        assertEquals(Path.of("/var/log/cluster/clnetd-cluster2.log"), production.netDaemon("cluster2"));
    }

    @Test
    void aDetachedDaemonsOutputSitsBesideItsLog() {
        assertEquals(Path.of("/var/log/cluster/clnetd-cluster2.out"),
                LogFiles.detachOutput(production.netDaemon("cluster2")));
        assertEquals(Path.of("/var/log/cluster/lems/lems-apache.out"),
                LogFiles.detachOutput(production.lems("apache")));
    }

    @Test
    void lemsLogsLiveInTheirOwnDirectory() {
        assertEquals(Path.of("/var/log/cluster/lems/lems-apache.log"), production.lems("apache"));
        assertEquals(Path.of("/var/log/cluster/lems/apache-httpd.stdout"),
                production.runCommandOutput("apache", "httpd"));
        assertEquals(Path.of("/var/log/cluster/lems/apache-httpd.stderr"),
                production.runCommandErrors("apache", "httpd"));
        assertEquals(Path.of("/var/log/cluster/procmon-apache-httpd.log"), production.procmon("apache", "httpd"));
    }

    @Test
    void applicationStartAndStopLogs() {
        assertEquals(Path.of("/var/log/cluster/clstart.samba.log"), production.clstart("samba"));
        assertEquals(Path.of("/var/log/cluster/clhalt.samba.log"), production.clhalt("samba"));
        assertEquals(Path.of("/var/log/cluster/clhalt.log"), production.clhalt());
        assertEquals(Path.of("/var/log/cluster/samba.start.log"), production.startOutput("samba"));
        assertEquals(Path.of("/var/log/cluster/samba.start.errlog"), production.startErrors("samba"));
        assertEquals(Path.of("/var/log/cluster/samba.stop.log"), production.stopOutput("samba"));
        assertEquals(Path.of("/var/log/cluster/samba.stop.errlog"), production.stopErrors("samba"));
    }

    @Test
    void followsClusterPathsUnderATestRoot() {
        LogFiles files = new LogFiles(ClusterPaths.under(Path.of("/tmp/root")));
        assertEquals(Path.of("/tmp/root/var/log/cluster/clstart.apache.log"), files.clstart("apache"));
    }

    @Test
    void namesThatWouldLeaveTheLogDirectoryAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> production.lems("../x"));
        assertTrue(e.getMessage().contains("application"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> production.clusterDaemon(""));
        assertThrows(IllegalArgumentException.class, () -> production.clstart(".."));
    }
}

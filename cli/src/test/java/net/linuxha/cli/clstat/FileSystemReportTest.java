package net.linuxha.cli.clstat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The "File Systems" table of clstat -A from both lvinfo layouts. */
@Timeout(10)
class FileSystemReportTest {

    /**
     * Found in the lab: the cluster daemon answers lvinfo as {@code vg.lv,minor,state,valid,action[,valid/total,rate,
     * estimate]} (docs/cldaemon.md), and clstat, reading only the 7-field layout of docs/protocol.md, showed no row.
     */
    @Test
    void theDaemonsLayoutGivesOneRowPerVolume() {
        List<String> lines = FileSystemReport.lines("OK\napp01vg.admin,0,active,both,sync\n"
                + "app01vg.docs,1,inactive,none,unsync\napp01vg.logs,2,active,local,syncing,512/2048,1000.5,1.5\n"
                + "app01vg.tmp,-,stopped,unknown,syncing,0/2048,-,-");

        assertEquals(List.of("File Systems", "",
                "Volume         Valid    Type  State    % Complete  Completion",
                "app01vg/admin  both     drbd  sync",
                "app01vg/docs   none     drbd  unsync",
                "app01vg/logs   local    drbd  syncing  25.0        00:01:30",
                "app01vg/tmp    unknown  drbd  syncing  0.0         -"), lines);
    }

    @Test
    void theReferenceLayoutIsStillRead() {
        List<String> lines = FileSystemReport.lines("OK\napachevg.lv01,0,0,active,both,drbd,Sync");

        assertEquals("apachevg/lv01  both   drbd  Sync", lines.get(3));
    }

    @Test
    void anErrorStateIsShownAsTheDaemonGaveIt() {
        assertEquals(List.of("File Systems", "", "The cluster daemon reports: ERROR no such application"),
                FileSystemReport.lines("ERROR no such application"));
    }
}

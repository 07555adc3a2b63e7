package net.linuxha.lab.sim;

import static net.linuxha.lab.sim.SimNodes.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The LVM drop-in answers product command lines in LVM 2.03's formats and exit codes, inside a lab node. */
@Tag("lab")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LvmSimTest {
    @BeforeAll
    static void needsRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")), "the storage simulator tests need root");
    }

    @Test
    void createExtendReportAndRemoveLogicalVolumes() throws Exception {
        try (SimNodes nodes = new SimNodes()) {
            check(nodes.run("a", "simvg create app01vg 100M"));
            SimNodes.Result created = check(nodes.run("a", "lvcreate -L 20M -n admin app01vg"));
            assertTrue(created.out().contains("Logical volume \"admin\" created."), created.toString());
            check(nodes.run("a", "test -b /dev/mapper/app01vg-admin && test -L /dev/app01vg/admin"));

            SimNodes.Result dup = nodes.run("a", "lvcreate -L 20m -n admin app01vg");
            assertEquals(5, dup.rc());
            assertTrue(dup.err().contains("Logical Volume \"admin\" already exists in volume group \"app01vg\""));
            SimNodes.Result full = nodes.run("a", "lvcreate --size 1G -n big -y app01vg");
            assertEquals(5, full.rc());
            assertTrue(full.err().contains("insufficient free space"), full.toString());
            SimNodes.Result noVg = nodes.run("a", "lvcreate -L 4M -n x nosuchvg");
            assertEquals(5, noVg.rc());
            assertTrue(noVg.err().contains("Volume group \"nosuchvg\" not found"), noVg.toString());
            SimNodes.Result noLv = nodes.run("a", "lvextend -L +4M app01vg/nolv");
            assertEquals(5, noLv.rc());

            check(nodes.run("a", "lvextend -L +10M /dev/app01vg/admin"));
            SimNodes.Result json = check(nodes.run("a",
                    "lvs --reportformat json --units b --nosuffix -o lv_name,vg_name,lv_size,lv_attr app01vg"));
            JsonNode lv = new ObjectMapper().readTree(json.out()).path("report").get(0).path("lv").get(0);
            assertEquals("admin", lv.path("lv_name").asText());
            assertEquals(String.valueOf(32L << 20), lv.path("lv_size").asText(), "20M + 10M rounded up to 4M extents");
            assertEquals("-wi-a-----", lv.path("lv_attr").asText());
            SimNodes.Result vgs = check(nodes.run("a",
                    "vgs --noheadings --separator : --units b --nosuffix -o vg_name,vg_size,vg_free app01vg"));
            assertEquals("  app01vg:" + (100L << 20) + ":" + (68L << 20) + "\n", vgs.out());

            // a mounted LV cannot be removed; the data is on a real loop device
            check(nodes.run("a", "mkfs.ext4 -q /dev/app01vg/admin && mkdir -p /mnt/t && mount /dev/app01vg/admin /mnt/t"));
            SimNodes.Result busy = nodes.run("a", "lvremove -f app01vg/admin");
            assertEquals(5, busy.rc(), busy.toString());
            check(nodes.run("a", "umount /mnt/t && lvchange -an app01vg/admin && test ! -e /dev/app01vg/admin"));
            check(nodes.run("a", "lvchange -ay app01vg/admin && lvremove -f app01vg/admin"));
            assertEquals("", check(nodes.run("a", "lvs app01vg")).out());
        }
    }
}

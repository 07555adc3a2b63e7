package net.linuxha.common.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.linuxha.common.ClusterPaths;
import net.linuxha.common.config.DataProtocol;
import net.linuxha.common.shell.Command;
import net.linuxha.common.shell.CommandResult;
import net.linuxha.common.shell.DrbdDriver;
import net.linuxha.common.shell.IpAddress;
import net.linuxha.common.shell.ProcessCommandRunner;
import net.linuxha.common.testing.DrbdadmDryRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated DRBD 9 resource files: their exact text, and the real drbdadm (drbd-utils, no kernel module needed)
 * reading them through the product's top-level file, {@code drbdadm -c linuxha.conf dump} and {@code -d up}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DrbdResourceFileTest {

    private static final FsMapEntry DOCS = new FsMapEntry("app01vg", "docs", Path.of("/app01/docs"), "ext4", "rw",
            20480);

    private final ProcessCommandRunner real = new ProcessCommandRunner();

    @TempDir
    Path dir;

    private static DrbdResourceFile resource(String localNode, String localAddress, Optional<String> meta) {
        return new DrbdResourceFile("app01", DOCS, DataProtocol.C, 1000, 0, meta, List.of(
                new DrbdResourceFile.Host(localNode, 0, localAddress, 7789),
                new DrbdResourceFile.Host("serverb", 1, "127.0.0.2", 7789)));
    }

    @Test
    void textHasProtocolRateVolumeAndBothHosts() {
        DrbdResourceFile file = resource("servera", "172.16.178.1", Optional.empty());

        assertEquals("app01_app01vg_docs", file.name());
        assertEquals("""
                # linuxha: DRBD resource of application app01, /dev/app01vg/docs on /app01/docs
                # Written by linuxha (clbuildapp); changes are overwritten at the next build.
                resource app01_app01vg_docs {
                    net {
                        protocol C;
                    }
                    disk {
                        resync-rate 1000k;
                        c-plan-ahead 0;
                    }
                    volume 0 {
                        device /dev/drbd0;
                        disk /dev/app01vg/docs;
                        meta-disk internal;
                    }
                    on servera {
                        node-id 0;
                        address 172.16.178.1:7789;
                    }
                    on serverb {
                        node-id 1;
                        address 127.0.0.2:7789;
                    }
                }
                """, file.text());
        assertTrue(resource("servera", "172.16.178.1", Optional.of("/dev/app01vg/docs_meta")).text()
                .contains("meta-disk /dev/app01vg/docs_meta;"));
    }

    @Test
    void namesOutsideDrbdsAlphabetAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DrbdResourceName.of("my app", "vg", "lv"));
        assertTrue(e.getMessage().contains("\"my app\" cannot be part of a DRBD resource name"), e.getMessage());
    }

    @Test
    void realDrbdadmDumpsAndPlansTheGeneratedFiles() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/drbdadm")), "drbd-utils not installed");
        String host = real.run(Command.of("uname", "-n")).orThrow().stdout().strip();
        DrbdFiles files = DrbdFiles.of(ClusterPaths.under(dir));
        Path written = files.write(resource(host, "127.0.0.1", Optional.of("/dev/app01vg/docs_meta")));
        assertEquals(dir.resolve("etc/drbd.d/linuxha/app01_app01vg_docs.res"), written);

        CommandResult dump = real.run(Command.of("drbdadm", "-c", files.topConfig().toString(), "dump",
                "app01_app01vg_docs"));
        assertEquals(0, dump.exitCode(), dump.describeFailure());
        assertTrue(dump.stdout().contains("device           /dev/drbd0 minor 0;"), dump.stdout());
        assertTrue(dump.stdout().contains("meta-disk        /dev/app01vg/docs_meta;"), dump.stdout());
        assertTrue(dump.stdout().contains("address          ipv4 127.0.0.2:7789;"), dump.stdout());
        assertTrue(dump.stdout().contains("resync-rate      1000k;"), dump.stdout());

        DrbdadmDryRun drbdadm = new DrbdadmDryRun(real);
        DrbdDriver dryRun = new DrbdDriver(drbdadm, Optional.of(files.topConfig()));
        dryRun.createMetadata("app01_app01vg_docs");
        dryRun.up("app01_app01vg_docs");
        String plan = drbdadm.results().get(0).stdout() + drbdadm.results().get(1).stdout();
        assertTrue(plan.contains("drbdmeta 0 v09 /dev/app01vg/docs_meta flex-external create-md 1 --force")
                || plan.contains("create-md"), plan);
        assertTrue(plan.contains("drbdsetup new-peer app01_app01vg_docs 1 --_name=serverb --protocol=C"), plan);
        assertTrue(plan.contains("drbdsetup new-path app01_app01vg_docs 1 ipv4:127.0.0.1:7789 ipv4:127.0.0.2:7789"),
                plan);
        assertTrue(plan.contains("--resync-rate=1000k"), plan);
        assertTrue(plan.contains("drbdsetup attach 0 /dev/app01vg/docs /dev/app01vg/docs_meta flexible"), plan);
    }

    @Test
    void drbdAddressIsTheCardsOwnAddressNotAnApplicationAlias() {
        IpAddress alias = new IpAddress("inet", "172.16.178.200", 24, Optional.empty(), Optional.of("eth2:1"),
                "global", true);
        IpAddress own = new IpAddress("inet", "172.16.178.1", 24, Optional.empty(), Optional.of("eth2"), "global",
                false);

        assertEquals(Optional.of("172.16.178.1"), DrbdAddresses.choose("eth2", List.of(alias, own)));
        assertEquals(Optional.of("172.16.178.200"), DrbdAddresses.choose("eth2", List.of(alias)));
        assertEquals(Optional.empty(), DrbdAddresses.choose("eth2", List.of()));
    }
}

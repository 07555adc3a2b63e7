package net.linuxha.lems.monitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.support.MutableClock;
import net.linuxha.lems.support.TestContexts;
import net.linuxha.lems.support.TestPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** flag_check, swap_check, capacity_check, tcp_check and agent_check against real files, sockets and scripts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimpleMonitorsTest {

    @TempDir
    Path root;

    private final TestPrograms programs = new TestPrograms();

    private MonitorContext context(String check) {
        return TestContexts.context(root, check, MutableClock.at(1_000), programs);
    }

    @Test
    void flagCheckStopsOnAFlagAndStartsWhenItGoes() throws Exception {
        Monitor flags = new FlagCheck.Factory().create(List.of("apache"), context("flag_check"));
        Path dir = root.resolve("etc/cluster/apache/flags");
        assertEquals(CheckResult.of(0), flags.check(), "no flags directory means no flags");

        Files.createDirectories(dir);
        Files.createFile(dir.resolve("httpd"));
        assertEquals(CheckResult.of(1, "STOP httpd;"), flags.check());
        assertEquals(CheckResult.of(0), flags.check(), "only changes are reported");
        assertEquals("httpd", flags.detail());

        Files.delete(dir.resolve("httpd"));
        Files.createFile(dir.resolve("fsmon"));
        assertEquals(CheckResult.of(1, "STOP fsmon; START httpd;"), flags.check());
    }

    @Test
    void flagCheckTakesADirectoryAndDefaultsToItsApplication() throws Exception {
        FlagCheck own = (FlagCheck) new FlagCheck.Factory().create(List.of(), context("flag_check"));
        assertEquals(root.resolve("etc/cluster/apache/flags"), own.flagsDir());
        Path elsewhere = root.resolve("myflags");
        FlagCheck direct = (FlagCheck) new FlagCheck.Factory().create(List.of(elsewhere.toString()), context("f"));
        assertEquals(elsewhere, direct.flagsDir());
    }

    @Test
    void swapCheckComparesSwapFreeWithTheLimit() throws Exception {
        Path meminfo = root.resolve("proc/meminfo");
        Files.createDirectories(meminfo.getParent());
        Files.writeString(meminfo, "MemTotal:       16384000 kB\nSwapTotal:       2097148 kB\nSwapFree:"
                + "          40000 kB\n");
        Monitor byDefault = new SwapCheck.Factory().create(List.of(), context("swap"));
        assertEquals(1, byDefault.check().returnCode(), "40000 KB is below the default 51200 KB");
        assertEquals("40000,51200", byDefault.detail());
        Monitor low = new SwapCheck.Factory().create(List.of("1024"), context("swap"));
        assertEquals(0, low.check().returnCode());

        Files.delete(meminfo);
        assertEquals(0, byDefault.check().returnCode(), "unreadable meminfo counts as enough swap");
        assertThrows(MonitorCreationException.class, () -> new SwapCheck.Factory().create(List.of("lots"),
                context("swap")));
    }

    @Test
    void capacityCheckComparesUsedPercentOfRealFileSystems() throws Exception {
        FileStore store = Files.getFileStore(root);
        int used = CapacityCheck.usedPercent(store);
        Monitor never = new CapacityCheck.Factory().create(List.of(root + ":100"), context("cap"));
        assertEquals(CheckResult.of(0), never.check());
        assertEquals(root + "," + used + ",100", never.detail());
        if (used > 0) {
            Path other = root.resolve("sub");
            Files.createDirectories(other);
            Monitor full = new CapacityCheck.Factory().create(List.of(other + ":100," + root + ":" + (used - 1)),
                    context("cap"));
            assertEquals(CheckResult.of(1, root.toString()), full.check());
        }
    }

    @Test
    void capacityCheckRejectsBadSpecifications() {
        for (String bad : List.of("/tmp", "/tmp:", "/tmp:101", "/tmp:x", ",")) {
            MonitorCreationException e = assertThrows(MonitorCreationException.class,
                    () -> new CapacityCheck.Factory().create(List.of(bad), context("cap")), bad);
            assertTrue(e.getMessage().contains("capacity_check"), e.getMessage());
        }
    }

    @Test
    void tcpCheckConnectsToALoopbackServerAndFailsOnAClosedPort() throws Exception {
        int closedPort;
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Monitor tcp = new TcpCheck.Factory().create(List.of("127.0.0.1:" + server.getLocalPort(), "2"),
                    context("web"));
            assertEquals(CheckResult.of(0), tcp.check());
            assertEquals("127.0.0.1:" + server.getLocalPort() + ",OK", tcp.detail());
            closedPort = server.getLocalPort();
        }
        Monitor tcp = new TcpCheck.Factory().create(List.of("127.0.0.1:" + closedPort, "1"), context("web"));
        assertEquals(CheckResult.of(1, "127.0.0.1:" + closedPort), tcp.check());
        assertThrows(MonitorCreationException.class, () -> new TcpCheck.Factory().create(List.of("host"),
                context("web")));
        assertThrows(MonitorCreationException.class, () -> new TcpCheck.Factory().create(List.of("host:0"),
                context("web")));
    }

    @Test
    void agentCheckMapsLsbStatusExitCodes() throws Exception {
        Path code = root.resolve("code");
        Path script = script("init", "#!/bin/sh\n[ \"$1\" = status ] || exit 99\nexit $(cat " + code + ")\n");
        Monitor lsb = new AgentCheck.Factory().create(List.of("lsb", script.toString()), context("svc"));
        assertEquals(0, withExit(code, 0, lsb).returnCode());
        assertEquals(CheckResult.of(1, "exit 3"), withExit(code, 3, lsb));
        assertEquals(2, withExit(code, 1, lsb).returnCode());
        assertEquals(2, withExit(code, 4, lsb).returnCode());
    }

    @Test
    void agentCheckMapsOcfMonitorExitCodesAndPassesParameters() throws Exception {
        Path code = root.resolve("code");
        Path agentDir = root.resolve("ocf/resource.d/heartbeat");
        Files.createDirectories(agentDir);
        Path agent = agentDir.resolve("web");
        Files.writeString(agent, "#!/bin/sh\n[ \"$1\" = monitor ] || exit 99\n"
                + "echo \"$OCF_ROOT $OCF_RESOURCE_INSTANCE $OCF_RESOURCE_TYPE $OCF_RESKEY_port\" > " + root
                + "/env\nexit $(cat " + code + ")\n");
        assertTrue(agent.toFile().setExecutable(true));
        Monitor ocf = new AgentCheck.Factory().create(List.of("ocf", agent.toString(), "port=8080"), context("w"));
        assertEquals(0, withExit(code, 0, ocf).returnCode());
        assertEquals(root.resolve("ocf") + " w web 8080", Files.readString(root.resolve("env")).trim());
        assertEquals(1, withExit(code, 7, ocf).returnCode());
        assertEquals(2, withExit(code, 1, ocf).returnCode());
        assertEquals(2, withExit(code, 9, ocf).returnCode());
    }

    @Test
    void agentCheckRefusesMissingAgentsAndUnknownKinds() throws Exception {
        Path script = script("init", "#!/bin/sh\nexit 0\n");
        assertThrows(MonitorCreationException.class, () -> new AgentCheck.Factory().create(
                List.of("lsb", root.resolve("missing").toString()), context("a")));
        assertThrows(MonitorCreationException.class, () -> new AgentCheck.Factory().create(
                List.of("systemd", script.toString()), context("a")));
    }

    private Path script(String name, String text) throws Exception {
        Path script = root.resolve(name);
        Files.writeString(script, text);
        assertTrue(script.toFile().setExecutable(true));
        return script;
    }

    private static CheckResult withExit(Path codeFile, int code, Monitor monitor) throws Exception {
        Files.writeString(codeFile, Integer.toString(code));
        return monitor.check();
    }
}

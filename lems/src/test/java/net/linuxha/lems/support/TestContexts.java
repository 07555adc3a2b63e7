package net.linuxha.lems.support;

import java.nio.file.Path;
import java.time.Clock;

import net.linuxha.common.ClusterPaths;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.ProgramRunner;
import net.linuxha.lems.spi.SystemFiles;

/** Monitor contexts over a temporary root. */
public final class TestContexts {

    private TestContexts() {
    }

    public static MonitorContext context(Path root, String check, Clock clock, ProgramRunner programs) {
        ClusterPaths paths = ClusterPaths.under(root);
        SystemFiles system = new SystemFiles(root.resolve("proc"), root.resolve("etc/passwd"));
        return new MonitorContext("apache", check, paths, clock, programs, system, root.resolve("programs"),
                root.resolve("var/log/cluster/lems"), MonitorContext.Services.none());
    }
}

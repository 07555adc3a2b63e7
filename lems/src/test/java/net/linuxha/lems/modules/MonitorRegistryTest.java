package net.linuxha.lems.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.support.Checks;
import net.linuxha.lems.support.MutableClock;
import net.linuxha.lems.support.TestContexts;
import net.linuxha.lems.support.TestPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ServiceLoader discovery: the standard modules, a test module, a site jar dropped in a directory, programs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MonitorRegistryTest {

    @TempDir
    Path root;

    private MonitorContext context() {
        return TestContexts.context(root, "any", MutableClock.at(0), new TestPrograms());
    }

    private static LemsCheck check(String name, LemsCheck.Type type, String module) {
        return Checks.of(name, type, module, Duration.ofSeconds(10), 0, "NOP");
    }

    @Test
    void findsTheStandardModulesAndATestModule() throws Exception {
        MonitorRegistry registry = MonitorRegistry.load(getClass().getClassLoader());
        assertTrue(registry.moduleNames().containsAll(List.of("flag_check", "swap_check", "capacity_check",
                "procmon", "tcp_check", "agent_check", "echo_check")), registry.moduleNames().toString());
        Monitor echo = registry.create(check("e", LemsCheck.Type.INTERNAL, "echo_check 3 STOP httpd"), context());
        assertEquals(CheckResult.of(3, "STOP httpd"), echo.check());
    }

    @Test
    void anUnknownModuleIsRefusedNamingTheKnownOnes() {
        MonitorRegistry registry = MonitorRegistry.load(getClass().getClassLoader());
        MonitorCreationException e = assertThrows(MonitorCreationException.class,
                () -> registry.create(check("x", LemsCheck.Type.INTERNAL, "ip_modul test01"), context()));
        assertTrue(e.getMessage().contains("ip_modul") && e.getMessage().contains("procmon"), e.getMessage());
    }

    @Test
    void aSiteJarInTheModulesDirectoryIsLoaded() throws Exception {
        Path modules = root.resolve("modules");
        Files.createDirectories(modules);
        buildSiteJar(modules.resolve("site.jar"));

        MonitorRegistry registry = MonitorRegistry.loadWithJars(modules, getClass().getClassLoader());

        assertTrue(registry.moduleNames().contains("site_check"), registry.moduleNames().toString());
        assertTrue(registry.moduleNames().contains("procmon"), "standard modules stay visible");
        Monitor site = registry.create(check("s", LemsCheck.Type.INTERNAL, "site_check 7"), context());
        assertEquals(CheckResult.of(7, "site"), site.check());
    }

    @Test
    void programChecksUseTheExitCodeAndTheLastOutputLine() throws Exception {
        Path programs = root.resolve("programs");
        Files.createDirectories(programs);
        Path probe = programs.resolve("probe");
        Files.writeString(probe, "#!/bin/sh\necho starting\necho \"RUN $1\"\nexit 4\n");
        assertTrue(probe.toFile().setExecutable(true));
        MonitorRegistry registry = MonitorRegistry.load(getClass().getClassLoader());

        Monitor program = registry.create(check("p", LemsCheck.Type.PROGRAM, "probe move_ip"), context());

        assertEquals(CheckResult.of(4, "RUN move_ip"), program.check());
        MonitorCreationException missing = assertThrows(MonitorCreationException.class,
                () -> registry.create(check("q", LemsCheck.Type.PROGRAM, "absent"), context()));
        assertTrue(missing.getMessage().contains(programs.resolve("absent").toString()), missing.getMessage());
    }

    /** Compiles a one-class module and packs it with its ServiceLoader file, as a site would. */
    private void buildSiteJar(Path jar) throws Exception {
        Path src = root.resolve("src/site/SiteCheck.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package site;

                import java.util.List;
                import net.linuxha.lems.spi.*;

                public final class SiteCheck implements MonitorFactory {
                    public String moduleName() { return "site_check"; }
                    public Monitor create(List<String> args, MonitorContext context) {
                        int rc = Integer.parseInt(args.get(0));
                        return () -> CheckResult.of(rc, "site");
                    }
                }
                """);
        Path classes = root.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int rc = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
                classes.toString(), src.toString());
        assertEquals(0, rc, "the site module compiles");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("site/SiteCheck.class"));
            Files.copy(classes.resolve("site/SiteCheck.class"), out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/services/net.linuxha.lems.spi.MonitorFactory"));
            OutputStream entry = out;
            entry.write("site.SiteCheck\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}

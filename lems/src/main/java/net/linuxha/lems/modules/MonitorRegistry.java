package net.linuxha.lems.modules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.lems.monitors.ProgramMonitor;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.MonitorFactory;

/**
 * The monitor modules Lems can use, by name: every {@link MonitorFactory} that {@link ServiceLoader} finds on the
 * class path (the standard modules) and in the jars of the {@code modules} directory of the Lems globals (a site's
 * own). {@code INSTALL monitor} loads the registry again, so a replaced jar takes effect without a restart
 * (Reference 24.5: "the underlying module code is also changed dynamically").
 */
public final class MonitorRegistry {

    private final Map<String, MonitorFactory> factories;
    private final Path modulesDir;

    private MonitorRegistry(Map<String, MonitorFactory> factories, Path modulesDir) {
        this.factories = Collections.unmodifiableMap(new TreeMap<>(factories));
        this.modulesDir = modulesDir;
    }

    /**
     * The factories visible to {@code loader}.
     *
     * @throws IllegalStateException naming both classes when two factories claim one module name, or naming the
     *                               class when a factory cannot be loaded
     */
    public static MonitorRegistry load(ClassLoader loader) {
        return load(loader, null);
    }

    /** The factories on the class path of {@code parent} plus those in the {@code *.jar} files of {@code dir}. */
    public static MonitorRegistry loadWithJars(Path dir, ClassLoader parent) {
        Objects.requireNonNull(dir, "dir");
        List<URL> jars = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                    jars.add(jar.toUri().toURL());
                }
            } catch (MalformedURLException e) {
                throw new IllegalStateException("cannot use module jar in " + dir + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the Lems modules directory " + dir
                        + "; check that it exists and is readable", e);
            }
        }
        // The loader must stay open as long as monitors made from its classes live; it is never closed.
        @SuppressWarnings("resource")
        ClassLoader loader = jars.isEmpty() ? parent : new URLClassLoader(jars.toArray(URL[]::new), parent);
        return load(loader, dir);
    }

    private static MonitorRegistry load(ClassLoader loader, Path dir) {
        Map<String, MonitorFactory> found = new TreeMap<>();
        try {
            for (MonitorFactory factory : ServiceLoader.load(MonitorFactory.class, loader)) {
                MonitorFactory earlier = found.putIfAbsent(factory.moduleName(), factory);
                if (earlier != null) {
                    throw new IllegalStateException("two Lems modules are named " + factory.moduleName() + ": "
                            + earlier.getClass().getName() + " and " + factory.getClass().getName()
                            + "; remove one of their jars" + (dir == null ? "" : " from " + dir));
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a Lems module could not be loaded: " + e.getMessage()
                    + "; check the META-INF/services/" + MonitorFactory.class.getName() + " file of its jar"
                    + (dir == null ? "" : " in " + dir), e);
        }
        return new MonitorRegistry(found, dir);
    }

    public Optional<MonitorFactory> factory(String moduleName) {
        return Optional.ofNullable(factories.get(moduleName));
    }

    public Set<String> moduleNames() {
        return factories.keySet();
    }

    /**
     * Makes the monitor of {@code check}: from its module's factory for {@code internal} checks, a
     * {@link ProgramMonitor} for {@code program} checks.
     */
    public Monitor create(LemsCheck check, MonitorContext context) throws MonitorCreationException {
        MonitorContext own = context.forCheck(check.name());
        if (check.type() == LemsCheck.Type.PROGRAM) {
            return ProgramMonitor.create(check.module(), check.arguments(), own);
        }
        MonitorFactory factory = factories.get(check.module());
        if (factory == null) {
            throw new MonitorCreationException("check " + check.name() + " uses module " + check.module()
                    + ", which Lems does not know (known modules: " + String.join(", ", factories.keySet())
                    + "); fix the module element in lems.local.xml or put the module's jar in "
                    + (modulesDir == null ? "the Lems modules directory" : modulesDir.toString()));
        }
        try {
            Monitor monitor = factory.create(check.arguments(), own);
            if (monitor == null) {
                throw new MonitorCreationException("module " + check.module() + " made no monitor for check "
                        + check.name());
            }
            return monitor;
        } catch (RuntimeException e) {
            throw new MonitorCreationException("module " + check.module() + " failed to create check "
                    + check.name() + ": " + e, e);
        }
    }
}

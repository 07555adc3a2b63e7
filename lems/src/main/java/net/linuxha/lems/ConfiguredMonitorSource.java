package net.linuxha.lems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.LemsCheck;
import net.linuxha.common.config.LemsConfig;
import net.linuxha.lems.modules.MonitorRegistry;
import net.linuxha.lems.server.MonitorSource;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;

/**
 * {@link MonitorSource} for INSTALL: reads the configuration file again through {@code reader} and loads module
 * code again through {@code registries} each time.
 */
public final class ConfiguredMonitorSource implements MonitorSource {

    /** Reads the Lems configuration file as it is now. */
    @FunctionalInterface
    public interface DefinitionReader {
        LemsConfig read() throws IOException, ConfigException;
    }

    /** Reads {@code file} with the one lems.local.xml parser, {@link LemsConfig#load}. */
    public static DefinitionReader file(Path file) {
        return () -> LemsConfig.load(file).config();
    }

    private final DefinitionReader reader;
    private final Supplier<MonitorRegistry> registries;
    private final MonitorContext context;
    private final String description;

    public ConfiguredMonitorSource(DefinitionReader reader, Supplier<MonitorRegistry> registries,
                                   MonitorContext context, String description) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.registries = Objects.requireNonNull(registries, "registries");
        this.context = Objects.requireNonNull(context, "context");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public Optional<LemsCheck> definition(String name) throws IOException {
        try {
            return reader.read().check(name);
        } catch (ConfigException e) {
            throw new IOException(String.join("; ", e.lines()) + " (fix the file, then INSTALL again)", e);
        }
    }

    @Override
    public Monitor create(LemsCheck check) throws MonitorCreationException {
        return registries.get().create(check, context);
    }

    @Override
    public String describe() {
        return description;
    }
}

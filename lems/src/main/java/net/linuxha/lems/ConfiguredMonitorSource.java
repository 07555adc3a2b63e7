package net.linuxha.lems;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import net.linuxha.lems.model.CheckDefinition;
import net.linuxha.lems.model.LemsDefinition;
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
        LemsDefinition read() throws IOException;
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
    public Optional<CheckDefinition> definition(String name) throws IOException {
        return reader.read().check(name);
    }

    @Override
    public Monitor create(CheckDefinition check) throws MonitorCreationException {
        return registries.get().create(check, context);
    }

    @Override
    public String describe() {
        return description;
    }
}

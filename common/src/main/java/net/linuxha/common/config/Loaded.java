package net.linuxha.common.config;

import java.util.List;
import java.util.Objects;

/**
 * A configuration that loaded without errors, with the warnings the Reference's tools would print (e.g. clbuild's
 * "maxblockdevs is too small"). Warnings never stop a tool; they use the {@link ConfigException} format.
 */
public record Loaded<T>(T config, List<ConfigProblem> warnings) {

    public Loaded {
        Objects.requireNonNull(config, "config");
        warnings = List.copyOf(warnings);
    }

    public List<String> warningLines() {
        return warnings.stream().map(ConfigProblem::toString).toList();
    }
}

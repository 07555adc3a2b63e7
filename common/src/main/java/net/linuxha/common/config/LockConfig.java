package net.linuxha.common.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The locks of the cluster lock daemon (Reference 7.2.3): a built-in list (NET 40 s, NBD_CLIENT 45 s, NBD_SERVER
 * 45 s) that {@code /etc/cluster/cllocks.xml} may override or extend. The file is optional.
 */
public record LockConfig(Map<String, LockDefinition> locks) {

    /** The lock daemon's built-in locks, used when cllocks.xml is absent. */
    public static final LockConfig DEFAULTS = new LockConfig(List.of(
            new LockDefinition("NET", "Network Config", Duration.ofSeconds(40)),
            new LockDefinition("NBD_CLIENT", "DRBD Primary Access", Duration.ofSeconds(45)),
            new LockDefinition("NBD_SERVER", "DRBD Secondary Access", Duration.ofSeconds(45))));

    public LockConfig {
        locks = Collections.unmodifiableMap(new LinkedHashMap<>(locks));
    }

    private LockConfig(List<LockDefinition> definitions) {
        this(index(definitions));
    }

    /** The built-in locks, overridden and extended by {@code file} when it exists. */
    public static Loaded<LockConfig> load(Path file) throws ConfigException {
        if (!Files.exists(file)) {
            return new Loaded<>(DEFAULTS, List.of());
        }
        return ConfigLoader.load(file, new LockConfigBinder());
    }

    public static Loaded<LockConfig> parse(Path file, String xml) throws ConfigException {
        return ConfigLoader.parse(file, xml, new LockConfigBinder());
    }

    public Optional<LockDefinition> lock(String name) {
        return Optional.ofNullable(locks.get(name));
    }

    /** This configuration with {@code overrides} replacing locks of the same name and adding the others. */
    public LockConfig with(List<LockDefinition> overrides) {
        Map<String, LockDefinition> merged = new LinkedHashMap<>(locks);
        overrides.forEach(lock -> merged.put(lock.name(), lock));
        return new LockConfig(merged);
    }

    private static Map<String, LockDefinition> index(List<LockDefinition> definitions) {
        Map<String, LockDefinition> map = new LinkedHashMap<>();
        definitions.forEach(lock -> map.put(lock.name(), lock));
        return map;
    }
}

package net.linuxha.common.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong (or worth a warning) in a configuration file, rendered as {@code FILE: LOCATION: MESSAGE}.
 *
 * <p>See {@link ConfigException} for the grammar of the location and the message.
 *
 * @param file     the file as the user named it, e.g. {@code /etc/cluster/clconf.xml}
 * @param location where in the file, e.g. {@code <timings><warn>} or {@code <node[servera]><network[public]>@cards};
 *                 empty when the problem concerns the whole file (missing, unreadable, permissions)
 * @param message  what is wrong and what is expected, e.g. {@code value "2" must be greater than <keepalive> (3)}
 */
public record ConfigProblem(Path file, String location, String message) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location.isEmpty() ? file + ": " + message : file + ": " + location + ": " + message;
    }
}

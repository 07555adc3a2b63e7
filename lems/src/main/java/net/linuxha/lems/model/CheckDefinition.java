package net.linuxha.lems.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import net.linuxha.lems.action.ActionTable;

/**
 * One {@code check} of a Lems configuration (Reference 24.2), in Lems' own terms; the daemon's start-up turns the
 * parsed {@code lems.local.xml} into these.
 *
 * @param name      unique name of the check ({@code httpd})
 * @param type      internal module or external program
 * @param module    the module or program name, the first word of the {@code module} element ({@code procmon})
 * @param arguments the remaining words ({@code /etc/cluster/apache/httpd.xml})
 * @param interval  least time between runs; zero means the check runs only when an action starts it
 * @param actions   the action list for each return code
 * @param timeout   how long one run may take before it is interrupted and its result dropped
 */
public record CheckDefinition(String name, CheckType type, String module, List<String> arguments, Duration interval,
                              ActionTable actions, Duration timeout) {

    /** The timeout of a run when the configuration names none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public CheckDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(module, "module");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(timeout, "timeout");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace) || name.contains(",")) {
            throw new IllegalArgumentException("check name '" + name
                    + "' must be one word without commas (it is used in lemsctl requests and GET_STAT lines)");
        }
        if (module.isBlank()) {
            throw new IllegalArgumentException("check " + name + " has an empty module element; give the module "
                    + "name and its arguments, e.g. <module>procmon /etc/cluster/apache/httpd.xml</module>");
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("check " + name + " has a negative interval");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("check " + name + " needs a positive timeout, got " + timeout);
        }
    }

    /** A check from the text of its {@code module} element, with the default timeout. */
    public static CheckDefinition of(String name, CheckType type, String moduleLine, Duration interval,
                                     ActionTable actions) {
        List<String> words = words(moduleLine);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("check " + name + " has an empty module element; give the module "
                    + "name and its arguments, e.g. <module>procmon /etc/cluster/apache/httpd.xml</module>");
        }
        return new CheckDefinition(name, type, words.get(0), words.subList(1, words.size()), interval, actions,
                DEFAULT_TIMEOUT);
    }

    /** The same check with another run timeout. */
    public CheckDefinition withTimeout(Duration newTimeout) {
        return new CheckDefinition(name, type, module, arguments, interval, actions, newTimeout);
    }

    /** The {@code module} element as written: module name and arguments (the {@code command} of GET_STAT). */
    public String moduleLine() {
        if (arguments.isEmpty()) {
            return module;
        }
        return module + " " + String.join(" ", arguments);
    }

    private static List<String> words(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(trimmed.split("\\s+"));
    }
}

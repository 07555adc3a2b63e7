package net.linuxha.common.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings of one file while a binder reads it, so all of them are reported at once. */
public final class Problems {

    private final Path file;
    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();
    private final List<ConfigNode> visited = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void error(String location, String message) {
        errors.add(new ConfigProblem(file, location, message));
    }

    public void warn(String location, String message) {
        warnings.add(new ConfigProblem(file, location, message));
    }

    /** {@code value "RAW" must be EXPECTED}. */
    public void badValue(Field field, String expected) {
        error(field.location(), "value \"" + field.raw() + "\" must be " + expected);
    }

    /** {@code is missing; it must be EXPECTED}. */
    public void missing(String location, String expected) {
        error(location, "is missing; it must be " + expected);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<ConfigProblem> errors() {
        return List.copyOf(errors);
    }

    List<ConfigProblem> warnings() {
        return List.copyOf(warnings);
    }

    void visited(ConfigNode node) {
        visited.add(node);
    }

    /** Reports every element and attribute no binder asked for: nothing in a file is silently ignored. */
    void reportUnknown() {
        for (ConfigNode node : List.copyOf(visited)) {
            node.reportUnknown();
        }
    }
}

package net.linuxha.common.config;

import java.util.List;

/** The outcome of a check across files: errors stop a tool, warnings are printed and the tool goes on. */
public record Validation(List<ConfigProblem> errors, List<ConfigProblem> warnings) {

    public Validation {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws the errors, if any, as one exception. */
    public void throwIfErrors() throws ConfigException {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }
}

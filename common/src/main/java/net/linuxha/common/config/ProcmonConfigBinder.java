package net.linuxha.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Binds a procmon file (24.4.8): restarts and each process's label and pattern are required. */
final class ProcmonConfigBinder implements ConfigBinder<ProcmonConfig> {

    @Override
    public String rootElement() {
        return "procmon";
    }

    @Override
    public ProcmonConfig bind(ConfigNode root, Problems problems) {
        Optional<ConfigNode> global = root.requiredChild("global", "the monitor settings (<restarts>, "
                + "<restartcmd>, ...)");
        Path logDir = global.flatMap(g -> g.text("logdir")).map(f -> {
            if (!f.raw().startsWith("/")) {
                problems.badValue(f, "an absolute directory path");
                return null;
            }
            return Path.of(f.raw());
        }).orElse(ProcmonConfig.DEFAULT_LOG_DIR);
        Integer restarts = global.flatMap(g -> g.requiredText("restarts", "the number of restarts allowed before a "
                + "fail-over, a whole number")).map(f -> Values.integerInRange(f, problems, 0, 1_000_000,
                "a whole number of restarts, 0 or more")).orElse(null);
        Duration resetWindow = global.flatMap(g -> g.text("resetwindow")).map(f -> Values.positiveSeconds(f, problems))
                .orElse(ProcmonConfig.DEFAULT_RESET_WINDOW);
        Optional<ScriptCommand> restart = global.flatMap(g -> g.text("restartcmd")).map(f -> {
            ScriptCommand command = ScriptCommand.parse(f.raw());
            if (command == null || !command.program().startsWith("/")) {
                problems.badValue(f, "an absolute program path, optionally followed by arguments");
                return null;
            }
            return command;
        });
        List<ConfigNode> elements = root.children("process");
        if (elements.isEmpty()) {
            problems.missing(root.location("process"), "at least one <process> with <label> and <process_string>");
        }
        List<ProcessSpec> processes = new ArrayList<>();
        for (ConfigNode element : elements) {
            process(element, problems).ifPresent(processes::add);
        }
        if (problems.hasErrors()) {
            return null;
        }
        return new ProcmonConfig(logDir, restarts, resetWindow, restart, processes);
    }

    private static Optional<ProcessSpec> process(ConfigNode element, Problems problems) {
        Optional<String> label = element.requiredText("label", "the text logged when the process fails")
                .map(Field::raw);
        label.filter(l -> !l.isEmpty()).ifPresent(element::identify);
        String user = element.text("user").map(f -> {
            if (f.raw().isEmpty() || f.raw().contains(" ")) {
                problems.badValue(f, "a user name, or \".\" for every user");
                return null;
            }
            return f.raw();
        }).orElse(ProcessSpec.ANY_USER);
        Pattern pattern = element.requiredText("process_string", "the text or regular expression to find in the "
                + "process command line").map(f -> pattern(f, problems)).orElse(null);
        Optional<Field> minField = element.text("min_count");
        Integer min = minField.map(f -> Values.integerInRange(f, problems, 0, 1_000_000, "a whole number, 0 or more"))
                .orElse(ProcessSpec.DEFAULT_MIN_COUNT);
        Optional<Field> maxField = element.text("max_count");
        Integer max = maxField.map(f -> Values.integerInRange(f, problems, 0, 1_000_000, "a whole number, 0 or more"))
                .orElse(ProcessSpec.DEFAULT_MAX_COUNT);
        if (min != null && max != null && max < min) {
            String location = maxField.map(Field::location).orElse(element.location("min_count"));
            problems.error(location, maxField.isPresent()
                    ? "value \"" + max + "\" must be at least <min_count> (" + min + ")"
                    : "value \"" + min + "\" must be at most the default <max_count> (" + max + ")");
            return Optional.empty();
        }
        if (label.isEmpty() || user == null || pattern == null || min == null || max == null) {
            return Optional.empty();
        }
        return Optional.of(new ProcessSpec(label.get(), user, pattern, min, max));
    }

    private static Pattern pattern(Field field, Problems problems) {
        if (field.raw().isEmpty()) {
            problems.badValue(field, "a non-empty text or regular expression");
            return null;
        }
        try {
            return Pattern.compile(field.raw());
        } catch (PatternSyntaxException e) {
            problems.badValue(field, "a valid regular expression (" + e.getDescription() + " at index "
                    + e.getIndex() + ")");
            return null;
        }
    }
}

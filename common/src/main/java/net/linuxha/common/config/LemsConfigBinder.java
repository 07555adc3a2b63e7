package net.linuxha.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds lems.local.xml (24.2). Intervals are 0 (run only when triggered) or 0.5 to 3600 seconds. Lems ignores an
 * action it does not understand (24.3), so an unknown action word, or one naming a check that does not exist, is
 * a warning.
 */
final class LemsConfigBinder implements ConfigBinder<LemsConfig> {

    static final Set<String> ACTIONS = Set.of("NOP", "HALT", "STOP", "START", "RUN", "ABORT", "FAILOVER", "HALTAPP",
            "STOPAPP", "PAUSE", "RUNCMD", "REMOVEMON", "%RCDATA%");
    private static final Set<String> NAMING_A_CHECK = Set.of("HALT", "STOP", "START", "RUN");
    private static final Duration MIN_INTERVAL = Duration.ofMillis(500);
    private static final Duration MAX_INTERVAL = Duration.ofSeconds(3600);
    private static final String INTERVAL = "0 (run only when triggered) or from 0.5 to 3600 seconds";
    private static final String CHECK_NAME = "a check name (letters, digits, '_', '-')";

    @Override
    public String rootElement() {
        return "lems_config";
    }

    @Override
    public LemsConfig bind(ConfigNode root, Problems problems) {
        Optional<ConfigNode> globals = root.requiredChild("globals",
                "<globals modules=\"...\" programs=\"...\" logs=\"...\" port=\"...\"/>");
        Path modules = globals.flatMap(g -> directory(g, "modules", problems)).orElse(LemsConfig.DEFAULT_MODULES);
        Path programs = globals.flatMap(g -> directory(g, "programs", problems)).orElse(LemsConfig.DEFAULT_PROGRAMS);
        Path logs = globals.flatMap(g -> directory(g, "logs", problems)).orElse(LemsConfig.DEFAULT_LOGS);
        Integer port = globals.flatMap(g -> g.requiredAttribute("port", "the port this Lems listens on, "
                + Values.PORT)).map(f -> Values.port(f, problems)).orElse(null);
        Map<String, LemsCheck> checks = new LinkedHashMap<>();
        Map<LemsCheck, ConfigNode> elements = new LinkedHashMap<>();
        for (ConfigNode element : root.children("check")) {
            LemsCheck check = check(element, problems);
            if (check != null) {
                if (checks.putIfAbsent(check.name(), check) != null) {
                    problems.error(element.location("name"), "value \"" + check.name() + "\" is used by an earlier "
                            + "check; each check must have a unique name");
                }
                elements.put(check, element);
            }
        }
        elements.forEach((check, element) -> warnAboutActions(check, element, checks.keySet(), problems));
        if (problems.hasErrors()) {
            return null;
        }
        return new LemsConfig(modules, programs, logs, port, List.copyOf(checks.values()));
    }

    private static Optional<Path> directory(ConfigNode globals, String attribute, Problems problems) {
        return globals.attribute(attribute).map(f -> {
            if (!f.raw().startsWith("/")) {
                problems.badValue(f, "an absolute directory path");
                return null;
            }
            return Path.of(f.raw());
        });
    }

    private static LemsCheck check(ConfigNode element, Problems problems) {
        String name = element.requiredText("name", CHECK_NAME).map(f -> Values.word(f, problems, CHECK_NAME))
                .orElse(null);
        if (name != null) {
            element.identify(name);
        }
        LemsCheck.Type type = element.requiredText("type", "internal or program").map(f -> type(f, problems))
                .orElse(null);
        List<String> module = element.requiredText("module", "the module or program name and its arguments, e.g. "
                + "procmon /etc/cluster/apache/httpd.xml").map(f -> module(f, problems)).orElse(null);
        Duration interval = element.requiredText("interval", INTERVAL).map(f -> interval(f, problems)).orElse(null);
        List<LemsAction> actions = element.child("action_list").map(list -> actions(list, problems)).orElse(List.of());
        if (name == null || type == null || module == null || interval == null || actions == null) {
            return null;
        }
        return new LemsCheck(name, type, module.get(0), module.subList(1, module.size()), interval, actions);
    }

    private static LemsCheck.Type type(Field field, Problems problems) {
        switch (field.raw().toLowerCase(Locale.ROOT)) {
            case "internal" -> {
                return LemsCheck.Type.INTERNAL;
            }
            case "program" -> {
                return LemsCheck.Type.PROGRAM;
            }
            default -> {
                problems.badValue(field, "internal or program");
                return null;
            }
        }
    }

    private static List<String> module(Field field, Problems problems) {
        if (field.raw().isBlank()) {
            problems.badValue(field, "the module or program name and its arguments");
            return null;
        }
        String name = field.raw().split("\\s+")[0];
        if (name.endsWith(".pm")) {
            name = name.substring(0, name.length() - 3);
        }
        List<String> words = new ArrayList<>(Arrays.asList(field.raw().split("\\s+")));
        words.set(0, name);
        return words;
    }

    private static Duration interval(Field field, Problems problems) {
        Duration interval = Values.parseSeconds(field.raw());
        if (interval == null || (!interval.isZero()
                && (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0))) {
            problems.badValue(field, INTERVAL);
            return null;
        }
        return interval;
    }

    private static List<LemsAction> actions(ConfigNode list, Problems problems) {
        List<LemsAction> actions = new ArrayList<>();
        Set<Integer> codes = new HashSet<>();
        boolean ok = true;
        for (ConfigNode element : list.children("action")) {
            Integer rc = element.requiredAttribute("rc", "the monitor return code, a whole number")
                    .map(f -> Values.integerInRange(f, problems, 0, 255, "a return code from 0 to 255"))
                    .orElse(null);
            if (rc != null) {
                element.identify("rc=" + rc);
                if (!codes.add(rc)) {
                    problems.error(element.attributeLocation("rc"), "value \"" + rc + "\" already has an action; "
                            + "give each return code one action (separate several with ';')");
                    ok = false;
                }
            }
            Optional<Field> action = element.requiredAttribute("action", "an action such as NOP, STOP or FAILOVER");
            action.filter(f -> f.raw().isBlank()).ifPresent(f -> problems.badValue(f, "an action such as NOP, "
                    + "STOP or FAILOVER"));
            if (rc == null || action.isEmpty() || action.get().raw().isBlank()) {
                ok = false;
                continue;
            }
            actions.add(LemsAction.of(rc, action.get().raw()));
        }
        return ok ? actions : null;
    }

    private static void warnAboutActions(LemsCheck check, ConfigNode element, Set<String> checkNames,
                                         Problems problems) {
        for (LemsAction action : check.actions()) {
            String location = element.location() + "<action_list><action[rc=" + action.rc() + "]>@action";
            for (String step : action.steps()) {
                String[] words = step.split("\\s+");
                String verb = words[0].toUpperCase(Locale.ROOT);
                if (!ACTIONS.contains(verb)) {
                    problems.warn(location, "action \"" + step + "\" is not one of " + String.join(", ",
                            ACTIONS.stream().sorted().toList()) + "; Lems will ignore it");
                } else if (NAMING_A_CHECK.contains(verb) && words.length > 1 && !checkNames.contains(words[1])) {
                    problems.warn(location, "action \"" + step + "\" names check \"" + words[1] + "\", which this "
                            + "file does not define; Lems will ignore it");
                }
            }
        }
    }
}

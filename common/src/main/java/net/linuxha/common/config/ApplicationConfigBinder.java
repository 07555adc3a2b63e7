package net.linuxha.common.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds appconf.xml (8.1, 14.6, 19). As the Reference says, an unknown takeover value falls back to "normal" and
 * problems with autostart, preferred_node and dependencies only warn (19.1), since clstartapp ignores them.
 */
final class ApplicationConfigBinder implements ConfigBinder<ApplicationConfig> {

    private static final String APP_NAME = "an application name (letters, digits, '_', '-'; no spaces or periods)";
    private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+");

    @Override
    public String rootElement() {
        return "appconf";
    }

    @Override
    public ApplicationConfig bind(ConfigNode root, Problems problems) {
        Optional<ConfigNode> global = root.requiredChild("global", "the application settings (<name>, <version>, "
                + "...)");
        Global g = global.map(node -> global(node, problems)).orElse(null);
        List<ApplicationNetwork> networks = root.child("networks")
                .map(n -> new ApplicationNetworkBinder(problems).bind(n)).orElse(List.of());
        List<VolumeGroup> volumeGroups = volumeGroups(root, problems);
        Optional<ConfigNode> application = root.child("application");
        Optional<ScriptCommand> start = application.flatMap(a -> script(a, "startscript", problems));
        Optional<ScriptCommand> stop = application.flatMap(a -> script(a, "stopscript", problems));
        Duration maxStart = application.flatMap(a -> a.text("maxstarttime"))
                .map(f -> Values.positiveSeconds(f, problems)).orElse(ApplicationConfig.DEFAULT_MAX_TIME);
        Duration maxStop = application.flatMap(a -> a.text("maxstoptime"))
                .map(f -> Values.positiveSeconds(f, problems)).orElse(ApplicationConfig.DEFAULT_MAX_TIME);
        if (problems.hasErrors()) {
            return null;
        }
        return new ApplicationConfig(g.name, g.description, g.version, g.takeover, g.syncRate, g.autostart,
                g.dependencies, g.preferredNode, networks, volumeGroups, start, stop, maxStart, maxStop);
    }

    private static Global global(ConfigNode global, Problems problems) {
        Global g = new Global();
        g.version = global.requiredText("version", "the appconf.xml format version, "
                + String.join(" or ", ApplicationConfig.SUPPORTED_VERSIONS)).map(f -> version(f, problems))
                .orElse(null);
        g.name = global.requiredText("name", APP_NAME).map(f -> name(f, problems)).orElse(null);
        g.description = global.text("description").map(Field::raw);
        g.takeover = global.text("takeover").map(f -> takeover(f, problems)).orElse(Takeover.NORMAL);
        g.syncRate = global.text("syncrate").map(f -> Values.positiveInteger(f, problems,
                "a whole number of KB/s greater than 0, e.g. 1000")).orElse(ApplicationConfig.DEFAULT_SYNC_RATE_KB);
        g.autostart = global.text("autostart").map(f -> autostart(f, problems)).orElse(false);
        g.dependencies = global.text("dependencies").map(f -> dependencies(f, g.name, problems)).orElse(List.of());
        g.preferredNode = global.text("preferred_node").flatMap(f -> preferredNode(f, problems));
        return g;
    }

    private static String version(Field field, Problems problems) {
        if (ApplicationConfig.SUPPORTED_VERSIONS.contains(field.raw())) {
            return field.raw();
        }
        String supported = String.join(" or ", ApplicationConfig.SUPPORTED_VERSIONS);
        if (VERSION.matcher(field.raw()).matches() && new BigDecimal(field.raw())
                .compareTo(new BigDecimal(ApplicationConfig.SUPPORTED_VERSIONS.get(1))) > 0) {
            problems.error(field.location(), "value \"" + field.raw() + "\" is for a later software revision; this "
                    + "software reads appconf.xml version " + supported + ": correct <version> or upgrade");
            return null;
        }
        problems.badValue(field, supported);
        return null;
    }

    /** 8.1: the name "should be the name of the directory where this file lives". */
    private static String name(Field field, Problems problems) {
        String name = Values.word(field, problems, APP_NAME);
        Path directory = problems.file().toAbsolutePath().getParent();
        if (name != null && directory != null && directory.getFileName() != null
                && !directory.getFileName().toString().equals(name)) {
            problems.error(field.location(), "value \"" + name + "\" must be the name of the application's "
                    + "directory, \"" + directory.getFileName() + "\"");
            return null;
        }
        return name;
    }

    private static Takeover takeover(Field field, Problems problems) {
        switch (field.raw().toLowerCase(Locale.ROOT)) {
            case "normal" -> {
                return Takeover.NORMAL;
            }
            case "force" -> {
                return Takeover.FORCE;
            }
            default -> {
                problems.warn(field.location(), "value \"" + field.raw() + "\" is neither \"normal\" nor \"force\"; "
                        + "using \"normal\" (8.1)");
                return Takeover.NORMAL;
            }
        }
    }

    private static boolean autostart(Field field, Problems problems) {
        String lower = field.raw().toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("yes")) {
            return true;
        }
        if (!lower.equals("false") && !lower.equals("no")) {
            problems.warn(field.location(), "value \"" + field.raw() + "\" is not true, false, yes or no; the "
                    + "application will not be started automatically");
        }
        return false;
    }

    private static List<String> dependencies(Field field, String self, Problems problems) {
        Set<String> names = new LinkedHashSet<>();
        for (String dependency : Values.commaList(field.raw())) {
            if (!dependency.matches("[A-Za-z0-9_-]+")) {
                problems.warn(field.location(), "dependency \"" + dependency + "\" is not an application name; "
                        + "it is ignored");
            } else if (dependency.equals(self)) {
                problems.warn(field.location(), "dependency \"" + dependency + "\" is this application itself; it is "
                        + "ignored");
            } else {
                names.add(dependency);
            }
        }
        return List.copyOf(names);
    }

    private static Optional<PreferredNode> preferredNode(Field field, Problems problems) {
        for (PreferredNode.Policy policy : PreferredNode.Policy.values()) {
            if (policy != PreferredNode.Policy.NODE && policy.name().equalsIgnoreCase(field.raw())) {
                return Optional.of(PreferredNode.of(policy));
            }
        }
        if (Values.hostnameOk(field.raw())) {
            return Optional.of(PreferredNode.named(field.raw()));
        }
        problems.warn(field.location(), "value \"" + field.raw() + "\" is not a node name, LEAST_APP_LOAD or "
                + "LEAST_CPU_LOAD; it is ignored");
        return Optional.empty();
    }

    private static List<VolumeGroup> volumeGroups(ConfigNode root, Problems problems) {
        List<VolumeGroup> groups = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ConfigNode vg : root.children("vg")) {
            String expected = "a volume group name (letters, digits, '+', '_', '.', '-'), e.g. app01vg";
            Optional<Field> nameField = vg.requiredText("name", expected);
            String name = nameField.map(f -> volumeGroupName(f, problems, expected)).orElse(null);
            if (name != null) {
                vg.identify(name);
                if (!seen.add(name)) {
                    problems.error(nameField.get().location(), "value \"" + name + "\" is listed twice; list each "
                            + "volume group once");
                }
            }
            String type = vg.text("type").map(f -> {
                if (!f.raw().equals(VolumeGroup.FILESYSTEMS)) {
                    problems.badValue(f, "\"filesystems\", the only volume group type");
                }
                return f.raw();
            }).orElse(VolumeGroup.FILESYSTEMS);
            if (name != null) {
                groups.add(new VolumeGroup(name, type));
            }
        }
        return groups;
    }

    /** 8.1: the name "does not need to include the /dev prefix", so one is accepted and dropped. */
    private static String volumeGroupName(Field field, Problems problems, String expected) {
        String name = field.raw().startsWith("/dev/") ? field.raw().substring("/dev/".length()) : field.raw();
        if (!name.matches("[A-Za-z0-9+_.][A-Za-z0-9+_.-]*") || name.equals(".") || name.equals("..")) {
            problems.badValue(field, expected);
            return null;
        }
        return name;
    }

    private static Optional<ScriptCommand> script(ConfigNode application, String tag, Problems problems) {
        return application.text(tag).map(f -> {
            ScriptCommand command = ScriptCommand.parse(f.raw());
            if (command == null || !command.program().startsWith("/")) {
                problems.badValue(f, "an absolute program path, optionally followed by arguments, e.g. "
                        + "/apache/admin/scripts/startapp");
                return null;
            }
            return command;
        });
    }

    private static final class Global {
        String name;
        String version;
        Optional<String> description;
        Takeover takeover;
        Integer syncRate;
        boolean autostart;
        List<String> dependencies;
        Optional<PreferredNode> preferredNode;
    }
}

package net.linuxha.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Optional;

import net.linuxha.common.cli.SystemExit;
import net.linuxha.common.cli.ToolRunner;

/**
 * Entry point of every tool launcher in {@code bin/}: the launcher's name (system property {@code linuxha.tool})
 * picks the picocli command, so {@code bin/clstat} and {@code bin/clbuild} are one jar and one mechanism.
 *
 * <p>Tool {@code NAME} is the class {@code net.linuxha.cli.NAME.NameTool} (underscores dropped: {@code drbd_tool}
 * is {@code net.linuxha.cli.drbdtool.DrbdtoolTool}), a picocli command with a public no-argument constructor.
 * Each tool lives in its own package, so adding one touches no shared file.
 */
public final class ToolMain {

    private ToolMain() {
    }

    public static void main(String[] args) {
        String name = System.getProperty("linuxha.tool", "");
        Optional<Object> tool = find(name);
        if (tool.isEmpty()) {
            System.err.println("ERROR " + name + " is not part of this build of linuxha yet.");
            SystemExit.jvm().exit(2);
            return;
        }
        ToolRunner.run(tool.get(), args, SystemExit.jvm());
    }

    /** The class name a tool must have to be found by its launcher name. */
    static String className(String toolName) {
        String plain = toolName.replace("_", "").toLowerCase(Locale.ROOT);
        if (plain.isEmpty() || !plain.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("not a tool name: \"" + toolName + "\"");
        }
        return "net.linuxha.cli." + plain + "." + Character.toUpperCase(plain.charAt(0)) + plain.substring(1) + "Tool";
    }

    /** A new instance of the named tool's command, or empty when this build has no such tool. */
    static Optional<Object> find(String toolName) {
        try {
            Class<?> type = Class.forName(className(toolName));
            return Optional.of(type.getConstructor().newInstance());
        } catch (IllegalArgumentException | ClassNotFoundException | NoSuchMethodException e) {
            return Optional.empty();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("tool " + toolName + " could not be created", e);
        }
    }
}

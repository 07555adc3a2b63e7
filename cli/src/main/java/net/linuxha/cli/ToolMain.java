package net.linuxha.cli;

import java.util.Map;
import java.util.function.Supplier;

import picocli.CommandLine;

/**
 * Entry point of every tool launcher in {@code bin/}: the launcher's name (system property {@code linuxha.tool})
 * picks the picocli command, so {@code bin/clstat} and {@code bin/clbuild} are one jar and one mechanism.
 */
public final class ToolMain {

    /** The tools this build provides, by launcher name. */
    static final Map<String, Supplier<Object>> TOOLS = Map.of();

    private ToolMain() {
    }

    public static void main(String[] args) {
        String name = System.getProperty("linuxha.tool", "");
        System.exit(run(name, args));
    }

    static int run(String name, String[] args) {
        Supplier<Object> tool = TOOLS.get(name);
        if (tool == null) {
            System.err.println("ERROR " + name + " is not part of this build of linuxha yet.");
            return 2;
        }
        return new CommandLine(tool.get()).execute(args);
    }
}

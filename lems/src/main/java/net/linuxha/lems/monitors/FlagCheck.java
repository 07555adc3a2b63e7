package net.linuxha.lems.monitors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.MonitorFactory;

/**
 * {@code flag_check [application|directory]} (Reference 24.4.1, 11.6, 21.2.5): a file in the flags directory
 * ({@code /etc/cluster/<application>/flags}) named after a check stops that check; removing the file starts it
 * again. It reports changes only: return code 1 with RCDATA such as {@code STOP httpd;} or {@code START httpd;}
 * when flags appeared or went, 0 otherwise. Meant for an action list with {@code <action rc="1"
 * action="%RCDATA%"/>}. Flags present when Lems starts stop their checks at the first run.
 */
public final class FlagCheck implements Monitor {

    private final Path flagsDir;
    private final Set<String> seen = new TreeSet<>();

    FlagCheck(Path flagsDir) {
        this.flagsDir = flagsDir;
    }

    @Override
    public CheckResult check() throws IOException {
        Set<String> now = flags();
        List<String> actions = new ArrayList<>();
        synchronized (seen) {
            for (String flag : now) {
                if (!seen.contains(flag)) {
                    actions.add("STOP " + flag + ";");
                }
            }
            for (String flag : seen) {
                if (!now.contains(flag)) {
                    actions.add("START " + flag + ";");
                }
            }
            seen.clear();
            seen.addAll(now);
        }
        return actions.isEmpty() ? CheckResult.of(0) : CheckResult.of(1, String.join(" ", actions));
    }

    /** The flags currently set, comma-separated. */
    @Override
    public String detail() {
        synchronized (seen) {
            return String.join(",", seen);
        }
    }

    private Set<String> flags() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(flagsDir)) {
            files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.contains(";") && !name.isBlank()
                            && name.chars().noneMatch(Character::isWhitespace))
                    .forEach(names::add);
        } catch (NoSuchFileException e) {
            // No flags directory means no flags (the Reference: "if the flag directory does not exist, create it").
            return names;
        }
        return names;
    }

    public Path flagsDir() {
        return flagsDir;
    }

    /** Makes {@code flag_check} monitors. */
    public static final class Factory implements MonitorFactory {
        @Override
        public String moduleName() {
            return "flag_check";
        }

        @Override
        public Monitor create(List<String> arguments, MonitorContext context) throws MonitorCreationException {
            if (arguments.size() > 1) {
                throw new MonitorCreationException("flag_check takes one argument, the application name or the "
                        + "flags directory, got: " + String.join(" ", arguments));
            }
            String target = arguments.isEmpty() ? context.application() : arguments.get(0);
            Path dir = target.startsWith("/")
                    ? Path.of(target)
                    : context.paths().applicationDir(target).resolve("flags");
            return new FlagCheck(dir);
        }
    }
}

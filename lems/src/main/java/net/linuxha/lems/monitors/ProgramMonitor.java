package net.linuxha.lems.monitors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.ProgramCall;
import net.linuxha.lems.spi.ProgramResult;
import net.linuxha.lems.spi.ProgramRunner;

/**
 * A check of type {@code program} (Reference 24.2, 24.4): a program from the {@code programs} directory (or an
 * absolute path) is run with the check's arguments; its exit code is the return code and the last non-empty line
 * of its standard output is the RCDATA. A program that overruns is killed and the run fails.
 */
public final class ProgramMonitor implements Monitor {

    /** How long the program may run; the check's own timeout interrupts it sooner if shorter. */
    static final Duration RUN_LIMIT = Duration.ofSeconds(300);

    private final ProgramCall call;
    private final ProgramRunner programs;
    private volatile String last = "";

    private ProgramMonitor(ProgramCall call, ProgramRunner programs) {
        this.call = call;
        this.programs = programs;
    }

    public static ProgramMonitor create(String program, List<String> arguments, MonitorContext context)
            throws MonitorCreationException {
        Objects.requireNonNull(program, "program");
        Path path = program.startsWith("/") ? Path.of(program) : context.programsDir().resolve(program);
        if (!Files.isRegularFile(path)) {
            throw new MonitorCreationException("check " + context.checkName() + " runs program " + path
                    + ", which does not exist; put it in the programs directory " + context.programsDir()
                    + " or give its full path in the module element");
        }
        if (!Files.isExecutable(path)) {
            throw new MonitorCreationException("check " + context.checkName() + " runs program " + path
                    + ", which is not executable; chmod +x it");
        }
        List<String> argv = new ArrayList<>();
        argv.add(path.toString());
        argv.addAll(arguments);
        return new ProgramMonitor(ProgramCall.of(argv), context.programs());
    }

    @Override
    public CheckResult check() throws Exception {
        ProgramResult result = programs.run(call, RUN_LIMIT);
        if (result.timedOut()) {
            last = "timed out";
            throw new IllegalStateException(call.commandLine() + " did not finish within "
                    + RUN_LIMIT.toSeconds() + " seconds and was killed");
        }
        last = "exit " + result.exitCode();
        String rcData = lastLine(result.stdout());
        return rcData.isEmpty() ? CheckResult.of(result.exitCode()) : CheckResult.of(result.exitCode(), rcData);
    }

    @Override
    public String detail() {
        return call.commandLine() + "," + last;
    }

    static String lastLine(String text) {
        String[] lines = text.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].trim();
            }
        }
        return "";
    }
}

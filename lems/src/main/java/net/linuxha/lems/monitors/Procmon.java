package net.linuxha.lems.monitors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.linuxha.common.config.ConfigException;
import net.linuxha.common.config.ProcessSpec;
import net.linuxha.common.config.ProcmonConfig;
import net.linuxha.common.log.LogFiles;
import net.linuxha.common.log.LogLine;
import net.linuxha.lems.monitors.ProcessTable.ProcessInfo;
import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.CommandReply;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.MonitorFactory;
import net.linuxha.lems.spi.ProgramCall;
import net.linuxha.lems.spi.ProgramResult;
import net.linuxha.lems.spi.ProgramRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code procmon CONFIG.xml} (Reference 24.4.8, 9.3, 21.2.4-21.2.6): counts the processes of each {@code process}
 * entry (by user and a pattern found in the command line); when a count is below {@code min_count} or above
 * {@code max_count} it runs the restart command, up to {@code restarts} times; the count of restarts goes back to
 * 0 {@code resetwindow} seconds after the last one.
 *
 * <pre>
 * return code 0  all counts within bounds, or a restart was just made
 *             1  the monitor cannot work (the process table is unreadable): stop it
 *             2  a count is out of bounds and no restart is left (or none is configured): fail over
 * </pre>
 *
 * Commands ({@code CMD name ...}): {@code RESET} sets the restart count to 0; {@code MAXCOUNT N} sets the restarts
 * allowed to N. Detail: {@link ProcmonDetail} on the first line, then {@code label,count,min,max} per process.
 */
public final class Procmon implements Monitor {

    /** How long a restart command may run; below the default check timeout of 60 seconds. */
    static final Duration RESTART_TIMEOUT = Duration.ofSeconds(55);

    private static final Logger LOG = LoggerFactory.getLogger(Procmon.class);

    private final ProcmonConfig config;
    private final ProcessTable processes;
    private final ProgramRunner programs;
    private final Clock clock;
    private final Path logFile;
    /** Guards the three fields below; never held during I/O. */
    private final Object state = new Object();
    private int maxRestarts;
    private int restarts;
    private Instant resetAt;
    private volatile List<String> lastCounts = List.of();

    Procmon(ProcmonConfig config, ProcessTable processes, ProgramRunner programs, Clock clock, Path logFile) {
        this.config = config;
        this.processes = processes;
        this.programs = programs;
        this.clock = clock;
        this.logFile = logFile;
        this.maxRestarts = config.restarts();
    }

    @Override
    public CheckResult check() throws InterruptedException {
        Instant now = clock.instant();
        resetIfDue(now);
        List<ProcessInfo> table;
        try {
            table = processes.scan();
        } catch (IOException e) {
            LOG.warn("procmon cannot read the process table: {}; stopping this monitor", e.getMessage());
            return CheckResult.of(1, e.getMessage());
        }
        List<String> faults = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (ProcessSpec rule : config.processes()) {
            long count = table.stream().filter(p -> matches(rule, p)).count();
            counts.add(rule.label() + "," + count + "," + rule.minCount() + "," + rule.maxCount());
            if (count < rule.minCount() || count > rule.maxCount()) {
                faults.add(rule.label());
                String message = "Process " + rule.label() + ": " + count + " running (user " + rule.user()
                        + ", pattern " + rule.processString().pattern() + "), expected " + rule.minCount() + " to "
                        + rule.maxCount();
                LOG.warn(message);
                record("WARN", message);
            }
        }
        lastCounts = List.copyOf(counts);
        if (faults.isEmpty()) {
            return CheckResult.of(0);
        }
        String labels = String.join(",", faults);
        if (config.restartCommand().isEmpty()) {
            failover("no restart command is configured for " + labels);
            return CheckResult.of(2, labels);
        }
        synchronized (state) {
            if (restarts >= maxRestarts) {
                String why = labels + " failed after " + restarts + " restarts, the most allowed";
                failover(why);
                return CheckResult.of(2, labels);
            }
            restarts++;
            resetAt = now.plus(config.resetWindow());
        }
        restart();
        return CheckResult.of(0, labels);
    }

    private void failover(String why) {
        String message = why + "; asking for fail-over of the application";
        LOG.warn(message);
        record("WARN", message);
    }

    private void restart() throws InterruptedException {
        List<String> command = config.restartCommand().orElseThrow().argv();
        String line = config.restartCommand().get().raw();
        LOG.info("Restarting the application ({}) ...", line);
        record("INFO", "Restarting the application (" + line + ") ...");
        try {
            ProgramResult result = programs.run(ProgramCall.of(command), RESTART_TIMEOUT);
            String output = (result.stdout() + result.stderr()).strip();
            if (!output.isEmpty()) {
                LOG.info(output);
                record("INFO", output);
            }
            if (result.timedOut()) {
                LOG.warn("Restart command {} did not finish within {} seconds and was killed", line,
                        RESTART_TIMEOUT.toSeconds());
            } else if (result.exitCode() != 0) {
                LOG.warn("Restart command {} exited with {}", line, result.exitCode());
            }
        } catch (IOException e) {
            LOG.warn("Restart command {} could not be run: {}; check the restartcmd of the procmon file", line,
                    e.getMessage());
            record("WARN", "Restart command could not be run: " + e.getMessage());
        }
    }

    private void resetIfDue(Instant now) {
        synchronized (state) {
            if (resetAt != null && !now.isBefore(resetAt)) {
                restarts = 0;
                resetAt = null;
                LOG.info("procmon restart count reset to 0 after the reset window");
            }
        }
    }

    static boolean matches(ProcessSpec rule, ProcessInfo process) {
        if (!rule.anyUser() && !rule.user().equals(process.user())) {
            return false;
        }
        return rule.processString().matcher(process.commandLine()).find();
    }

    @Override
    public String detail() {
        List<String> lines = new ArrayList<>();
        lines.add(status().format());
        lines.addAll(lastCounts);
        return String.join("\n", lines);
    }

    /** What clstat shows: restarts allowed, made, and when the count resets. */
    public ProcmonDetail status() {
        synchronized (state) {
            return new ProcmonDetail(maxRestarts, restarts, Optional.ofNullable(resetAt));
        }
    }

    @Override
    public CommandReply accept(String command) {
        String[] words = command.trim().split("\\s+");
        String keyword = words[0].toUpperCase(Locale.ROOT);
        if (keyword.equals("RESET") && words.length == 1) {
            synchronized (state) {
                restarts = 0;
                resetAt = null;
            }
            LOG.info("procmon restart count reset to 0 by user request");
            return CommandReply.ok();
        }
        if (keyword.equals("MAXCOUNT") && words.length == 2) {
            int count;
            try {
                count = Integer.parseInt(words[1]);
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 0) {
                return CommandReply.fail("MAXCOUNT needs a whole number of restarts, 0 or more, not " + words[1]);
            }
            synchronized (state) {
                maxRestarts = count;
            }
            LOG.info("procmon restarts allowed set to {} by user request", count);
            return CommandReply.ok();
        }
        return CommandReply.fail("procmon accepts RESET or MAXCOUNT N, not '" + command.trim() + "'");
    }

    /** Appends to procmon's own log file; a failure to write it must not stop the monitoring. */
    private void record(String level, String message) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, LogLine.format(level, clock.instant(), clock.getZone(), message),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("procmon cannot write its log {}: {}", logFile, e.getMessage());
        }
    }

    /**
     * {@code procmon-<application>-<name>.log} in the file's {@code logdir}. The default logdir is the cluster log
     * directory, so it follows {@link net.linuxha.common.ClusterPaths} (a test or lab root) rather than being the
     * literal /var/log/cluster.
     */
    static Path logFile(ProcmonConfig config, MonitorContext context) {
        if (config.logDir().equals(ProcmonConfig.DEFAULT_LOG_DIR)) {
            return new LogFiles(context.paths()).procmon(context.application(), context.checkName());
        }
        return config.logDir().resolve("procmon-" + context.application() + "-" + context.checkName() + ".log");
    }

    /** Makes {@code procmon} monitors. */
    public static final class Factory implements MonitorFactory {
        @Override
        public String moduleName() {
            return "procmon";
        }

        @Override
        public Monitor create(List<String> arguments, MonitorContext context) throws MonitorCreationException {
            if (arguments.size() != 1) {
                throw new MonitorCreationException("procmon needs one argument, its configuration file, e.g. "
                        + "procmon /etc/cluster/apache/httpd.xml");
            }
            ProcmonConfig config;
            try {
                config = ProcmonConfig.load(Path.of(arguments.get(0))).config();
            } catch (ConfigException e) {
                throw new MonitorCreationException(String.join("; ", e.lines()), e);
            }
            Path logFile = logFile(config, context);
            ProcessTable table = new ProcessTable(context.systemFiles().procRoot(), context.systemFiles().passwd());
            return new Procmon(config, table, context.programs(), context.clock(), logFile);
        }
    }
}

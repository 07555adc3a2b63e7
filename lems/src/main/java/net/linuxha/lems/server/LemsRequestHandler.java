package net.linuxha.lems.server;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.config.LemsCheck;
import net.linuxha.common.log.LogControl;
import net.linuxha.common.wire.LemsRequest;
import net.linuxha.common.wire.Reply;
import net.linuxha.lems.action.ExitReason;
import net.linuxha.lems.model.Seconds;
import net.linuxha.lems.schedule.CheckStatus;
import net.linuxha.lems.spi.CommandReply;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Lems requests (Reference 24.5, 16.1-16.8) with the Reference's reply texts. Knows nothing of sockets
 * or encryption: the wire layer decodes and checks a request against {@link LemsRequest#VOCABULARY}, and
 * {@link #handle(LemsRequest)} gives the answer. Calls may block (INSTALL reads files and loads jars), so the
 * daemon calls it off the network threads.
 *
 * <pre>
 * PAUSE                OK                      RESUME             OK
 * PAUSE httpd          httpd PAUSED            RESUME httpd       httpd RESUMED (in 10 secs)
 * REMOVE flag_check    flag_check REMOVED      INSTALL flag_check OK
 * CMD httpd RESET      OK | OK text | NOT_IMP | FAIL text
 * ABORT, VERBOSE ON|OFF, LOGCYCLE N            OK
 * anything wrong       FAIL what is wrong and how to put it right
 * </pre>
 */
public final class LemsRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LemsRequestHandler.class);

    private final LemsOperations lems;
    private final MonitorSource monitors;
    private final LogControl logging;

    /**
     * @param logging the daemon's logging, for VERBOSE and LOGCYCLE; empty when it has none to control (they then
     *                answer FAIL)
     */
    public LemsRequestHandler(LemsOperations lems, MonitorSource monitors, Optional<LogControl> logging) {
        this.lems = Objects.requireNonNull(lems, "lems");
        this.monitors = Objects.requireNonNull(monitors, "monitors");
        this.logging = logging.orElse(null);
    }

    /** Answers one request of the wire's Lems vocabulary (Reference 24.5). */
    public Reply handle(LemsRequest request) {
        return Reply.of(answer(request));
    }

    private String answer(LemsRequest request) {
        // Java 17 has no pattern switch; the chain covers every record of the sealed LemsRequest.
        if (request instanceof LemsRequest.GetStat stat) {
            return stat(stat.monitor(), false);
        } else if (request instanceof LemsRequest.GetVstat stat) {
            return stat(stat.monitor(), true);
        } else if (request instanceof LemsRequest.Cmd command) {
            return command(command);
        } else if (request instanceof LemsRequest.Pause pause) {
            return pause(pause.monitor());
        } else if (request instanceof LemsRequest.Resume resume) {
            return resume(resume.monitor());
        } else if (request instanceof LemsRequest.Remove remove) {
            return remove(remove.monitor());
        } else if (request instanceof LemsRequest.Install install) {
            return install(install.monitor());
        } else if (request instanceof LemsRequest.Abort) {
            LOG.info("Lems aborted by user request; the application keeps running without monitoring");
            lems.requestExit(ExitReason.ABORT_REQUEST);
            return "OK";
        } else if (request instanceof LemsRequest.Verbose verbose) {
            return verbose(verbose.on());
        } else if (request instanceof LemsRequest.LogCycle cycle) {
            return logCycle(cycle.count());
        }
        throw new IllegalStateException("unhandled request " + request);
    }

    private String stat(Optional<String> monitor, boolean verbose) {
        List<CheckStatus> selected;
        if (monitor.isPresent()) {
            Optional<CheckStatus> one = lems.status(monitor.get());
            if (one.isEmpty()) {
                return noSuchMonitor(monitor.get());
            }
            selected = List.of(one.get());
        } else {
            selected = lems.statuses();
        }
        List<String> blocks = new ArrayList<>();
        for (CheckStatus status : selected) {
            blocks.add(verbose ? StatusReport.verboseBlock(status, detail(status)) : StatusReport.statLine(status));
        }
        return String.join("\n", blocks);
    }

    private static String detail(CheckStatus status) {
        try {
            return status.monitor().detail();
        } catch (RuntimeException e) {
            LOG.warn("Monitor {} failed to give its detail for GET_VSTAT: {}", status.name(), e.toString());
            return "";
        }
    }

    private String command(LemsRequest.Cmd command) {
        if (command.text().isBlank()) {
            return "FAIL CMD needs a monitor name and the text for it: CMD " + command.monitor() + " text";
        }
        Optional<CheckStatus> status = lems.status(command.monitor());
        if (status.isEmpty()) {
            return noSuchMonitor(command.monitor());
        }
        CommandReply reply;
        try {
            reply = status.get().monitor().accept(command.text());
        } catch (RuntimeException e) {
            LOG.warn("Monitor {} failed on CMD {}: {}", command.monitor(), command.text(), e.toString());
            reply = CommandReply.fail("monitor " + command.monitor() + " failed: " + e.getMessage());
        }
        if (reply == null) {
            reply = CommandReply.notImplemented();
        }
        LOG.info("CMD {} {} => {}", command.monitor(), command.text(), reply.replyText());
        return reply.replyText();
    }

    private String pause(Optional<String> monitor) {
        if (monitor.isEmpty()) {
            lems.pauseAll();
            LOG.info("All monitoring paused by user request");
            return "OK";
        }
        if (!lems.pauseOne(monitor.get())) {
            return noSuchMonitor(monitor.get());
        }
        LOG.info("Monitor {} paused by user request", monitor.get());
        return monitor.get() + " PAUSED";
    }

    private String resume(Optional<String> monitor) {
        if (monitor.isEmpty()) {
            lems.resumeAll();
            LOG.info("Monitoring resumed by user request");
            return "OK";
        }
        Optional<Duration> interval = lems.resumeOne(monitor.get());
        if (interval.isEmpty()) {
            return noSuchMonitor(monitor.get());
        }
        LOG.info("Monitor {} resumed by user request", monitor.get());
        if (interval.get().isZero()) {
            return monitor.get() + " RESUMED (runs when started by another monitor)";
        }
        return monitor.get() + " RESUMED (in " + Seconds.format(interval.get()) + " secs)";
    }

    private String remove(String monitor) {
        if (!lems.remove(monitor)) {
            return noSuchMonitor(monitor);
        }
        LOG.info("Removed monitor \"{}\" by user request.", monitor);
        return monitor + " REMOVED";
    }

    private String install(String name) {
        if (lems.status(name).isPresent()) {
            return "FAIL monitor " + name + " is already installed; REMOVE " + name + " first to load it again";
        }
        LOG.info("*** INSTALL MODULE {} START ***", name);
        try {
            Optional<LemsCheck> definition = monitors.definition(name);
            if (definition.isEmpty()) {
                LOG.warn("No check named {} in {}", name, monitors.describe());
                return "FAIL no check named " + name + " in " + monitors.describe()
                        + "; add its check element there first";
            }
            Monitor monitor = monitors.create(definition.get());
            LOG.info("Validated new monitor entry {} successfully.", name);
            if (!lems.install(definition.get(), monitor)) {
                monitor.close();
                return "FAIL monitor " + name + " is already installed; REMOVE " + name + " first to load it again";
            }
            String when = lems.status(name).flatMap(CheckStatus::nextRun)
                    .map(next -> Long.toString(next.getEpochSecond())).orElse("when started");
            LOG.info("Scheduled {} for {} (object type={})", name, when, definition.get().module());
            LOG.info("Successfully added new monitor {}.", name);
            return "OK";
        } catch (IOException e) {
            LOG.warn("Could not read {}: {}", monitors.describe(), e.getMessage());
            return "FAIL cannot read " + monitors.describe() + ": " + e.getMessage();
        } catch (MonitorCreationException | RuntimeException e) {
            LOG.warn("Could not install monitor {}: {}", name, e.getMessage());
            return "FAIL " + e.getMessage();
        } finally {
            LOG.info("*** INSTALL MODULE {} END ***", name);
        }
    }

    private String verbose(boolean on) {
        if (logging == null) {
            return "FAIL this Lems has no log control; restart it with --verbose to change logging";
        }
        logging.setVerbose(on);
        return "OK";
    }

    private String logCycle(int keep) {
        if (logging == null || logging.logFile().isEmpty()) {
            return "FAIL this Lems logs to the terminal; LOGCYCLE works only when it writes a log file (--file)";
        }
        try {
            logging.cycle(keep);
            LOG.info("Log cycled, keeping {} old logs", keep);
            return "OK";
        } catch (IOException | RuntimeException e) {
            return "FAIL cannot cycle the log " + logging.logFile().get() + ": " + e.getMessage()
                    + "; check the directory's permissions and free space";
        }
    }

    private String noSuchMonitor(String name) {
        String known = String.join(", ", lems.statuses().stream().map(CheckStatus::name).toList());
        return "FAIL no monitor named " + name + " is running (monitors: " + (known.isEmpty() ? "none" : known)
                + "); names are case-sensitive, see GET_STAT";
    }
}

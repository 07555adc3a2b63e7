package net.linuxha.cli.clbuildapp;

import java.io.IOException;
import java.util.Objects;

import net.linuxha.cli.checks.CheckReport;
import net.linuxha.cli.checks.CheckRunner;
import net.linuxha.cli.checks.LogCheckListener;
import net.linuxha.common.cli.ExitCode;
import net.linuxha.common.cli.ToolException;
import net.linuxha.common.config.ConfigException;
import net.linuxha.common.resources.ResourceException;
import org.slf4j.Logger;

/**
 * clbuildapp's work (8.3-8.7, 18): the checks of the stage, every one reported, then the stage itself when none
 * failed. The configurations come first ({@link ConfigChecks}): without them nothing else can be checked.
 */
final class Clbuildapp {

    private final AppEnvironment env;
    private final Logger log;

    Clbuildapp(AppEnvironment env, Logger log) {
        this.env = Objects.requireNonNull(env, "env");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @throws ToolException counting the failed checks (each logged as ERROR lines), or naming the failed step
     */
    void run(Request request) throws InterruptedException {
        CheckRunner runner = new CheckRunner(new LogCheckListener(log));
        BuildContext ctx = new BuildContext(request);
        CheckReport report = runner.run(ConfigChecks.all(env, ctx));
        if (!report.ok()) {
            throw failed(request, report, ExitCode.CONFIG);
        }
        report = report.and(runner.run(NodeChecks.forStage(env, ctx)));
        if (!report.ok()) {
            throw failed(request, report, ExitCode.FAILURE);
        }
        try {
            switch (request.stage()) {
                case CHECK -> finishCheck(ctx, report);
                case VGBUILD -> new VolumeGroupBuilder(env, ctx, log).run();
                case BUILD -> new ApplicationBuilder(env, ctx, log).run();
                case SYNC -> new SyncStage(env, ctx, log).run();
                default -> throw new IllegalStateException("unhandled stage " + request.stage());
            }
        } catch (IOException | ResourceException | ConfigException | RuntimeException e) {
            if (e instanceof ToolException tool) {
                throw tool;
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            for (String line : message.split("\n")) {
                log.error(line);
            }
            throw new ToolException(ExitCode.FAILURE, "clbuildapp " + request.stage().option() + " of application "
                    + request.application() + " did not complete" + (request.stage() == Stage.BUILD
                    ? "; its build checksum was not written" : "") + ". Correct the problem above and run it again.",
                    e);
        }
    }

    private void finishCheck(BuildContext ctx, CheckReport report) {
        int warnings = report.warnings().size();
        log.info("");
        log.info("Application " + ctx.application() + " checked without errors" + (warnings == 0 ? ""
                : ", with " + warnings + " warning" + (warnings == 1 ? "" : "s") + " (WARN lines above)") + ".");
        log.info("Now run with the --vgbuild option to validate the volume groups on both nodes");
        log.info("");
    }

    private static ToolException failed(Request request, CheckReport report, ExitCode code) {
        int count = report.failures().size();
        return new ToolException(code, "clbuildapp " + request.stage().option() + " found " + count + " error"
                + (count == 1 ? "" : "s") + " for application " + request.application() + " (ERROR lines above); "
                + "nothing was changed. Correct them and run it again.");
    }
}

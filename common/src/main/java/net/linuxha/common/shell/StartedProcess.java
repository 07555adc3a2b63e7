package net.linuxha.common.shell;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A background process started by {@link ProcessCommandRunner}. */
final class StartedProcess implements BackgroundProcess {

    private static final Logger LOG = LoggerFactory.getLogger(StartedProcess.class);

    private final Process process;
    private final String display;
    private final ProcessCommandRunner runner;

    StartedProcess(Process process, String display, ProcessCommandRunner runner) {
        this.process = process;
        this.display = display;
        this.runner = runner;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return OptionalInt.of(process.exitValue());
        }
        return OptionalInt.empty();
    }

    @Override
    public void signal(Signal signal) {
        if (!process.isAlive()) {
            return;
        }
        LOG.debug("signal {} to pid {} ({})", signal, pid(), display);
        switch (signal) {
            case TERM -> process.destroy();
            case KILL -> process.destroyForcibly();
            case HUP -> runner.sendSignal(pid(), signal);
        }
    }

    @Override
    public void killTree(Duration grace) throws InterruptedException {
        LOG.debug("killing pid {} and its descendants ({})", pid(), display);
        ProcessTree.kill(process.toHandle(), grace);
        // It is dead, but isAlive() says so only once the JVM's reaper has collected it: wait for that here, so a
        // caller (and a test) sees it gone when killTree returns.
        process.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "pid " + pid() + ": " + display;
    }
}

package net.linuxha.common.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * Writes formatted lines to a {@link LogDestination}, one whole event at a time, and cycles a log file
 * ({@code LOGCYCLE}) while other threads keep logging.
 *
 * <p>One lock guards the writer. An event is formatted outside the lock and written and flushed under it, so the
 * lines of two events never interleave. {@link #cycle(int)} holds the same lock while it closes the file, renames
 * it and opens a fresh one: a thread that logs meanwhile waits and its line goes into the fresh file; nothing is
 * lost and nothing lands in a renamed copy after the cycle. Each event is flushed at once, because an administrator
 * reads these logs with {@code tail -f} and a crashing daemon must not take its last lines with it.
 *
 * <p>A write error is reported once on logback's status channel and not thrown: a full disk must not stop a cluster
 * daemon. A file that could not be reopened is retried on the next event.
 */
public final class LineAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final Layout<ILoggingEvent> layout;
    private final LogDestination destination;
    private final ReentrantLock lock = new ReentrantLock();
    private Writer writer;
    private boolean reportedFailure;

    public LineAppender(Layout<ILoggingEvent> layout, LogDestination destination) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.destination = Objects.requireNonNull(destination, "destination");
        setName("linuxha-" + destination);
    }

    public LogDestination destination() {
        return destination;
    }

    /**
     * Opens the destination so that a bad path is reported to the caller before the program goes on.
     *
     * @throws IOException naming the file, when it cannot be created or opened for appending
     */
    public void open() throws IOException {
        lock.lock();
        try {
            if (writer == null) {
                writer = openWriter();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setContext(Context context) {
        super.setContext(context);
        layout.setContext(context);
    }

    @Override
    public void start() {
        if (!layout.isStarted()) {
            layout.start();
        }
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String text = layout.doLayout(event);
        lock.lock();
        try {
            if (writer == null) {
                writer = openWriter();
            }
            writer.write(text);
            writer.flush();
            reportedFailure = false;
        } catch (IOException e) {
            if (!reportedFailure) {
                reportedFailure = true;
                addError("cannot write to log " + destination + ": " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code LOGCYCLE count}: closes the current file, renames it and its old copies ({@link LogCycler}) and goes on
     * in a fresh file. The fresh file is opened even when a rename failed, so logging always continues.
     *
     * @return the old copies after the cycle, {@code .000} first
     * @throws IllegalStateException when the destination is the terminal
     * @throws IllegalArgumentException when the count is outside 1..99
     * @throws IOException when a rename failed or the fresh file cannot be opened
     */
    public List<Path> cycle(int count) throws IOException {
        LogCycler.checkCount(count);
        if (!(destination instanceof LogDestination.LogFile file)) {
            throw new IllegalStateException("LOGCYCLE: this daemon logs to the terminal, not to a file, so there "
                    + "is no log to cycle; start it with a log file to use LOGCYCLE");
        }
        lock.lock();
        try {
            closeWriter();
            try {
                return LogCycler.cycle(file.path(), count);
            } finally {
                writer = openWriter();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stop() {
        lock.lock();
        try {
            closeWriter();
        } catch (IOException e) {
            addError("cannot close log " + destination + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
        super.stop();
    }

    private Writer openWriter() throws IOException {
        if (destination instanceof LogDestination.Terminal terminal) {
            return terminal.out();
        }
        return openFile(((LogDestination.LogFile) destination).path());
    }

    private static Writer openFile(Path path) throws IOException {
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException("cannot open log file " + path + " for writing (" + e + "); check that its "
                    + "directory exists and is writable by this user, or choose another with --file", e);
        }
    }

    private void closeWriter() throws IOException {
        Writer current = writer;
        writer = null;
        if (current == null) {
            return;
        }
        if (destination instanceof LogDestination.Terminal) {
            current.flush();
        } else {
            current.close();
        }
    }
}

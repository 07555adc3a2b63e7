package net.linuxha.common.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The file renames of {@code LOGCYCLE} (Reference 16.8, 16.8.1, 17.1.3), without any logging machinery.
 *
 * <p>For a log {@code cldaemon-c1.log} and a count N (1 to 99): every old copy {@code cldaemon-c1.log.NNN} moves up
 * one number, {@code .000} to {@code .001} and so on; a copy whose new number would be N or more is deleted, so at
 * most N old copies remain ({@code .000} to {@code .N-1}); then the current log becomes {@code .000}. An old copy
 * that the administrator compressed keeps its compression suffix and its place in the order:
 * {@code cldaemon-c1.log.001.gz} is copy 001 and becomes {@code cldaemon-c1.log.002.gz}. The suffixes recognised are
 * those of the tools the Reference recommends: {@code .gz} (gzip), {@code .bz2} (bzip2) and {@code .Z} (compress).
 *
 * <p>The Reference's 16.8.1 example shows {@code lems-apache.log} turning into {@code .001} next to the moved
 * {@code .002.gz}; its own 16.8 example and 17.1.3 say the current log becomes {@code .000}, which is what we do (the
 * 16.8.1 listing most likely left out a {@code .000} that was already there, which would have become {@code .001}).
 *
 * <p>Files are renamed from the highest number down, so a rename never lands on a file that has not moved yet.
 * Files whose names merely look similar ({@code .1}, {@code .0001}, {@code .000.xz}) are left alone.
 */
public final class LogCycler {

    /** The smallest and largest count the Reference allows ("any number from 1 to 99"). */
    public static final int MIN_COUNT = 1;
    public static final int MAX_COUNT = 99;

    private static final Pattern OLD_COPY = Pattern.compile("\\.(\\d{3})(\\.gz|\\.bz2|\\.Z)?");

    private LogCycler() {
    }

    /** One old copy of a log: its number and its compression suffix ("" when not compressed). */
    record OldCopy(Path path, int number, String suffix) {
    }

    /**
     * Checks a LOGCYCLE count.
     *
     * @throws IllegalArgumentException naming the allowed range when {@code count} is outside 1..99
     */
    public static int checkCount(int count) {
        if (count < MIN_COUNT || count > MAX_COUNT) {
            throw new IllegalArgumentException("LOGCYCLE count must be a number from " + MIN_COUNT + " to "
                    + MAX_COUNT + " (the number of old log copies to keep), not " + count);
        }
        return count;
    }

    /**
     * Renames the old copies and the current log as described above. The caller must have closed (or stopped
     * writing to) {@code log}, and opens a fresh one afterwards.
     *
     * @return the old copies as they are named after the cycle, newest first
     */
    public static List<Path> cycle(Path log, int count) throws IOException {
        checkCount(count);
        List<OldCopy> copies = oldCopies(log);
        copies.sort(Comparator.comparingInt(OldCopy::number).reversed());
        for (OldCopy copy : copies) {
            int next = copy.number() + 1;
            if (next >= count) {
                Files.deleteIfExists(copy.path());
            } else {
                Files.move(copy.path(), copyName(log, next, copy.suffix()));
            }
        }
        if (Files.exists(log)) {
            Files.move(log, copyName(log, 0, ""));
        }
        List<Path> after = new ArrayList<>();
        List<OldCopy> now = oldCopies(log);
        now.sort(Comparator.comparingInt(OldCopy::number));
        for (OldCopy copy : now) {
            after.add(copy.path());
        }
        return after;
    }

    /** {@code log.NNN} plus {@code suffix}, e.g. {@code cldaemon-c1.log.002.gz}. */
    public static Path copyName(Path log, int number, String suffix) {
        return log.resolveSibling(log.getFileName() + "." + String.format(Locale.ROOT, "%03d", number) + suffix);
    }

    static List<OldCopy> oldCopies(Path log) throws IOException {
        List<OldCopy> copies = new ArrayList<>();
        Path dir = log.toAbsolutePath().getParent();
        String base = log.getFileName().toString();
        if (dir == null || !Files.isDirectory(dir)) {
            return copies;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(base)) {
                    continue;
                }
                Matcher m = OLD_COPY.matcher(name.substring(base.length()));
                if (m.matches() && Files.isRegularFile(entry)) {
                    String suffix = m.group(2) == null ? "" : m.group(2);
                    copies.add(new OldCopy(log.resolveSibling(name), Integer.parseInt(m.group(1)), suffix));
                }
            }
        }
        return copies;
    }
}

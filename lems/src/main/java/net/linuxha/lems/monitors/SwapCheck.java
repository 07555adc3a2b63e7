package net.linuxha.lems.monitors;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.MonitorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code swap_check [KB]} (Reference 24.4.6, 24.8): return code 1 when {@code SwapFree} in {@code /proc/meminfo}
 * is below the limit (default 51200 KB), else 0. An unreadable meminfo gives 0 with a warning, as the Perl module
 * did. Detail: {@code free,limit} in KB once a check has run.
 */
public final class SwapCheck implements Monitor {

    /** 50 MB, the Reference's default. */
    public static final long DEFAULT_LIMIT_KB = 51_200;

    private static final Logger LOG = LoggerFactory.getLogger(SwapCheck.class);
    private static final Pattern SWAP_FREE = Pattern.compile("^SwapFree:\\s+([0-9]+)");

    private final Path meminfo;
    private final long limitKb;
    private volatile long lastFreeKb = -1;

    SwapCheck(Path meminfo, long limitKb) {
        this.meminfo = meminfo;
        this.limitKb = limitKb;
    }

    @Override
    public CheckResult check() {
        try (BufferedReader reader = Files.newBufferedReader(meminfo)) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher matcher = SWAP_FREE.matcher(line);
                if (matcher.find()) {
                    long free = Long.parseLong(matcher.group(1));
                    lastFreeKb = free;
                    return CheckResult.of(free < limitKb ? 1 : 0, Long.toString(free));
                }
            }
            LOG.warn("swap_check found no SwapFree line in {}; treating swap as sufficient", meminfo);
        } catch (IOException | NumberFormatException e) {
            LOG.warn("swap_check cannot read {}: {}; treating swap as sufficient", meminfo, e.toString());
        }
        return CheckResult.of(0);
    }

    @Override
    public String detail() {
        long free = lastFreeKb;
        return free < 0 ? "" : free + "," + limitKb;
    }

    /** Makes {@code swap_check} monitors. */
    public static final class Factory implements MonitorFactory {
        @Override
        public String moduleName() {
            return "swap_check";
        }

        @Override
        public Monitor create(List<String> arguments, MonitorContext context) throws MonitorCreationException {
            long limit = DEFAULT_LIMIT_KB;
            if (arguments.size() > 1) {
                throw new MonitorCreationException("swap_check takes one argument, the least free swap in KB "
                        + "(default 51200), got: " + String.join(" ", arguments));
            }
            if (arguments.size() == 1) {
                try {
                    limit = Long.parseLong(arguments.get(0));
                } catch (NumberFormatException e) {
                    limit = -1;
                }
                if (limit < 0) {
                    throw new MonitorCreationException("swap_check needs the least free swap as a whole number "
                            + "of KB, e.g. swap_check 51200, not '" + arguments.get(0) + "'");
                }
            }
            return new SwapCheck(context.systemFiles().meminfo(), limit);
        }
    }
}

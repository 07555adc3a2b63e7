package net.linuxha.lems.monitors;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.linuxha.lems.spi.CheckResult;
import net.linuxha.lems.spi.Monitor;
import net.linuxha.lems.spi.MonitorContext;
import net.linuxha.lems.spi.MonitorCreationException;
import net.linuxha.lems.spi.MonitorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code capacity_check FS:CAP[,...]} (Reference 24.4.5), e.g. {@code capacity_check /tmp:75,/var:90}: return code
 * 1 when any file system is more than CAP percent full, with RCDATA the comma-separated file systems that are,
 * else 0. The percentage is computed like {@code df}'s Use%: used / (used + available to users), rounded up.
 * A file system that cannot be read is logged and skipped. Detail: one {@code FS,used%,CAP} line per file system.
 */
public final class CapacityCheck implements Monitor {

    private static final Logger LOG = LoggerFactory.getLogger(CapacityCheck.class);

    private final Map<Path, Integer> limits;
    private final Map<Path, Integer> lastUsed = new LinkedHashMap<>();

    CapacityCheck(Map<Path, Integer> limits) {
        this.limits = Map.copyOf(limits);
        limits.keySet().forEach(path -> lastUsed.put(path, -1));
    }

    @Override
    public CheckResult check() {
        List<String> full = new ArrayList<>();
        for (Map.Entry<Path, Integer> entry : lastUsed.entrySet()) {
            Path path = entry.getKey();
            int used;
            try {
                used = usedPercent(Files.getFileStore(path));
            } catch (IOException e) {
                LOG.warn("capacity_check cannot read the file system of {}: {}; skipped", path, e.toString());
                continue;
            }
            synchronized (lastUsed) {
                entry.setValue(used);
            }
            if (used > limits.get(path)) {
                full.add(path.toString());
            }
        }
        return full.isEmpty() ? CheckResult.of(0) : CheckResult.of(1, String.join(",", full));
    }

    /** df's Use%: used blocks over blocks available to users, rounded up. */
    static int usedPercent(FileStore store) throws IOException {
        long total = store.getTotalSpace();
        long free = store.getUnallocatedSpace();
        long available = store.getUsableSpace();
        long used = total - free;
        long base = used + available;
        if (base <= 0) {
            return 0;
        }
        return (int) ((used * 100 + base - 1) / base);
    }

    @Override
    public String detail() {
        List<String> lines = new ArrayList<>();
        synchronized (lastUsed) {
            for (Map.Entry<Path, Integer> entry : lastUsed.entrySet()) {
                lines.add(entry.getKey() + "," + entry.getValue() + "," + limits.get(entry.getKey()));
            }
        }
        return String.join("\n", lines);
    }

    /** Parses {@code /tmp:75,/var:90} (also accepted split over several arguments). */
    static Map<Path, Integer> parse(List<String> arguments) throws MonitorCreationException {
        String spec = String.join(",", arguments);
        Map<Path, Integer> limits = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new MonitorCreationException("capacity_check argument '" + trimmed + "' is not FS:CAP; give "
                        + "file systems and percentages like /tmp:75,/var:90");
            }
            int cap;
            try {
                cap = Integer.parseInt(trimmed.substring(colon + 1));
            } catch (NumberFormatException e) {
                cap = -1;
            }
            if (cap < 0 || cap > 100) {
                throw new MonitorCreationException("capacity_check percentage in '" + trimmed
                        + "' must be a whole number from 0 to 100");
            }
            limits.put(Path.of(trimmed.substring(0, colon)), cap);
        }
        if (limits.isEmpty()) {
            throw new MonitorCreationException("capacity_check needs file systems to watch, e.g. "
                    + "capacity_check /tmp:75,/var:90");
        }
        return limits;
    }

    /** Makes {@code capacity_check} monitors. */
    public static final class Factory implements MonitorFactory {
        @Override
        public String moduleName() {
            return "capacity_check";
        }

        @Override
        public Monitor create(List<String> arguments, MonitorContext context) throws MonitorCreationException {
            return new CapacityCheck(parse(arguments));
        }
    }
}

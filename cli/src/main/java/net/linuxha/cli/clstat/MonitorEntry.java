package net.linuxha.cli.clstat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One check of a Lems daemon as its {@code GET_VSTAT} answer reports it (Reference 24.5):
 * <pre>
 * name,nextrun,interval,command        e.g. httpd,1118279826,10,procmon /etc/cluster/apache/httpd.xml
 * &lt;monitor-detail-start&gt;
 * detail lines (procmon: restarts,current,resetat, then label,count,min,max per process)
 * &lt;monitor-detail-end&gt;
 * </pre>
 *
 * @param name     the check's name in lems.local.xml
 * @param nextRun  UNIX time of its next run; 0 when it is stopped (paused, halted, or run only on demand)
 * @param interval its interval in seconds as Lems wrote it
 * @param command  the module element, module name first
 * @param detail   the monitor's detail lines (empty for GET_STAT or a monitor without detail)
 */
record MonitorEntry(String name, long nextRun, String interval, String command, List<String> detail) {

    static final String DETAIL_START = "<monitor-detail-start>";
    static final String DETAIL_END = "<monitor-detail-end>";

    MonitorEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(command, "command");
        detail = List.copyOf(detail);
    }

    boolean running() {
        return nextRun != 0;
    }

    /** The module name: the first word of the command ({@code procmon}, {@code flag_check}, a program). */
    String module() {
        String trimmed = command.strip();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a GET_STAT or GET_VSTAT answer.
     *
     * @throws IllegalArgumentException quoting the first line that is neither a status line nor part of a detail
     */
    static List<MonitorEntry> parse(String answer) {
        List<MonitorEntry> entries = new ArrayList<>();
        List<String> lines = answer.lines().toList();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            i++;
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", 4);
            if (f.length < 4) {
                throw new IllegalArgumentException("the line '" + line + "' is not name,nextrun,interval,command");
            }
            long nextRun;
            try {
                nextRun = Long.parseLong(f[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the line '" + line + "' has no UNIX time as nextrun", e);
            }
            List<String> detail = new ArrayList<>();
            if (i < lines.size() && lines.get(i).strip().equals(DETAIL_START)) {
                i++;
                while (i < lines.size() && !lines.get(i).strip().equals(DETAIL_END)) {
                    detail.add(lines.get(i).strip());
                    i++;
                }
                i++;
            }
            entries.add(new MonitorEntry(f[0].strip(), nextRun, f[2].strip(), f[3].strip(), detail));
        }
        return entries;
    }
}

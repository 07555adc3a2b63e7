package net.linuxha.lems.server;

import net.linuxha.lems.model.CheckText;
import net.linuxha.lems.model.Seconds;
import net.linuxha.lems.schedule.CheckStatus;

/**
 * The lines of {@code GET_STAT} and {@code GET_VSTAT} (Reference 24.5), which clstat turns into its "Process
 * Monitors" and "General Monitors" tables (11.3.2, 11.3.3):
 *
 * <pre>
 * name,nextrun,interval,command          e.g.  httpd,1118279826,10,procmon /etc/cluster/apache/httpd.xml
 * &lt;monitor-detail-start&gt;                   GET_VSTAT only: the monitor's detail, 0 or more lines
 * &lt;monitor-detail-end&gt;
 * </pre>
 *
 * <p>{@code nextrun} is the UNIX time in seconds of the next run, 0 when the monitor is stopped; {@code interval}
 * is in seconds ({@code 2.5} when fractional); {@code command} is the check's module element.
 */
public final class StatusReport {

    public static final String DETAIL_START = "<monitor-detail-start>";
    public static final String DETAIL_END = "<monitor-detail-end>";

    private StatusReport() {
    }

    public static String statLine(CheckStatus status) {
        long nextRun = status.nextRun().map(instant -> Math.max(1, instant.getEpochSecond())).orElse(0L);
        return status.name() + "," + nextRun + "," + Seconds.format(status.interval()) + ","
                + CheckText.moduleLine(status.definition());
    }

    /** The status line, then the detail block with {@code detail}'s lines (none when blank). */
    public static String verboseBlock(CheckStatus status, String detail) {
        StringBuilder out = new StringBuilder(statLine(status)).append('\n').append(DETAIL_START).append('\n');
        String trimmed = detail == null ? "" : detail.strip();
        if (!trimmed.isEmpty()) {
            out.append(trimmed).append('\n');
        }
        return out.append(DETAIL_END).toString();
    }
}

package net.linuxha.cli.clstat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.linuxha.cli.cluster.TextTable;
import net.linuxha.lems.monitors.ProcmonDetail;

/**
 * The "Process Monitors" (11.3.2) and "General Monitors" (11.3.3) parts of {@code clstat --application X}, from
 * the application's Lems ({@code GET_VSTAT}):
 * <pre>
 * Process Monitors
 *
 * Name   Status   Restarts  Current  Reset at
 * httpd  Running  3         1        15/06/2005 03:18:50
 *
 * General Monitors
 *
 * Type        Name        Status
 * Flag Check  flag_check  Running
 * </pre>
 * A check whose module is {@code procmon} is a process monitor: Restarts, Current and Reset at come from the first
 * line of its detail, {@code restarts,current,resetat} (Reset at N/A when 0). Every other check is a general monitor,
 * typed by its module. Status is Running while Lems has a next run for it, Stopped otherwise (paused, stopped by a
 * flag or an action, or a check run only on demand such as ip_move_interface).
 */
final class MonitorReport {

    static final String PROCMON = "procmon";

    /** The Reference's names for the standard modules; other modules show their own name. */
    private static final Map<String, String> TYPES = Map.of(
            "flag_check", "Flag Check",
            "fsmon", "FS Monitor",
            "ip_module", "IP Monitor",
            "link_module", "Link Monitor",
            "ip_move_interface", "IP Assignment",
            "swap_check", "Swap Check",
            "capacity_check", "Capacity Check",
            "tcp_check", "TCP Check",
            "agent_check", "Agent Check");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private MonitorReport() {
    }

    /**
     * @param programs names of the checks lems.local.xml declares of type {@code program} (typed "Program")
     * @param zone     the zone "Reset at" is shown in
     */
    static List<String> lines(List<MonitorEntry> entries, List<String> programs, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add("Process Monitors");
        lines.add("");
        TextTable processes = new TextTable("Name", "Status", "Restarts", "Current", "Reset at");
        TextTable general = new TextTable("Type", "Name", "Status");
        boolean anyProcess = false;
        boolean anyGeneral = false;
        for (MonitorEntry entry : entries) {
            String status = entry.running() ? "Running" : "Stopped";
            if (entry.module().equals(PROCMON) && !programs.contains(entry.name())) {
                anyProcess = true;
                processes.row(processRow(entry, status, zone));
            } else {
                anyGeneral = true;
                String type = programs.contains(entry.name()) ? "Program" : TYPES.getOrDefault(entry.module(),
                        entry.module());
                general.row(type, entry.name(), status);
            }
        }
        lines.addAll(anyProcess ? processes.lines() : List.of("(none)"));
        lines.add("");
        lines.add("General Monitors");
        lines.add("");
        lines.addAll(anyGeneral ? general.lines() : List.of("(none)"));
        return lines;
    }

    private static String[] processRow(MonitorEntry entry, String status, ZoneId zone) {
        if (entry.detail().isEmpty()) {
            return new String[] {entry.name(), status, "?", "?", "?"};
        }
        try {
            ProcmonDetail detail = ProcmonDetail.parse(entry.detail().get(0));
            String resetAt = detail.resetAt().map(at -> stamp(at, zone)).orElse(StatusReport.NOT_APPLICABLE);
            return new String[] {entry.name(), status, Integer.toString(detail.restarts()),
                    Integer.toString(detail.current()), resetAt};
        } catch (IllegalArgumentException unreadable) {
            return new String[] {entry.name(), status, "?", "?", "?"};
        }
    }

    static String stamp(Instant at, ZoneId zone) {
        return STAMP.format(at.atZone(zone));
    }
}

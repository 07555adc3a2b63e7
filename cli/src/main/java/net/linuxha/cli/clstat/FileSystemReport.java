package net.linuxha.cli.clstat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.linuxha.cli.cluster.TextTable;

/**
 * The "File Systems" part of {@code clstat --application X} (11.3.1), from the daemon's answer to
 * {@code APP_STATUS app=X lvinfo=yes} (25.4): a first line with the error state or OK, then one line per logical
 * volume, {@code vg.lv,minor,state,valid,action[,valid/total,rate,estimate]} as cldaemon writes it for DRBD
 * (docs/cldaemon.md), or the Reference's {@code vg.lv,MD,ND,state,valid,personality,action[,...]}.
 *
 * <p>The daemon reports logical volumes, not mount points, so the first column is {@code vg/lv}.
 */
final class FileSystemReport {

    private FileSystemReport() {
    }

    static List<String> lines(String answer) {
        List<String> lines = new ArrayList<>();
        String[] rows = answer.split("\n");
        String first = rows.length == 0 ? "" : rows[0].strip();
        lines.add("File Systems");
        lines.add("");
        if (!first.equals("OK")) {
            lines.add("The cluster daemon reports: " + (first.isEmpty() ? "(no answer)" : first));
            return lines;
        }
        TextTable table = new TextTable("Volume", "Valid", "Type", "State", "% Complete", "Completion");
        for (int i = 1; i < rows.length; i++) {
            String[] f = rows[i].strip().split(",", -1);
            // cldaemon's DRBD form: vg.lv,minor,state,valid,action[,valid/total,rate,estimate];
            // the Reference's md/ENBD form: vg.lv,MD,ND,state,valid,personality,action[,valid/total,rate,estimate]
            int valid;
            if (f.length == 5 || f.length == 8) {
                valid = 3;
            } else if (f.length == 7 || f.length == 10) {
                valid = 4;
            } else {
                continue;
            }
            int action = valid == 3 ? 4 : 6;
            String state = f[action].strip();
            boolean syncing = state.toLowerCase(Locale.ROOT).equals("syncing") && f.length >= action + 4;
            table.row(f[0].strip().replace('.', '/'), f[valid].strip(), "drbd", state,
                    syncing ? percent(f[action + 1]) : "", syncing ? completion(f[action + 3]) : "");
        }
        lines.addAll(table.lines());
        return lines;
    }

    /** {@code valid/total} as a percentage with one decimal. */
    static String percent(String validOfTotal) {
        String[] parts = validOfTotal.strip().split("/");
        try {
            double valid = Double.parseDouble(parts[0]);
            double total = Double.parseDouble(parts[1]);
            return total <= 0 ? "" : String.format(Locale.ROOT, "%.1f", 100.0 * valid / total);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return validOfTotal.strip();
        }
    }

    /** An estimate in minutes (floating point) as days, hours, minutes and seconds. */
    static String completion(String minutes) {
        try {
            long seconds = Math.round(Double.parseDouble(minutes.strip()) * 60);
            long days = seconds / 86_400;
            String hms = String.format("%02d:%02d:%02d", (seconds % 86_400) / 3600, (seconds % 3600) / 60,
                    seconds % 60);
            return days > 0 ? days + "d " + hms : hms;
        } catch (NumberFormatException e) {
            return minutes.strip();
        }
    }
}

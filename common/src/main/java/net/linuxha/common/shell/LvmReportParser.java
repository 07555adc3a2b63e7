package net.linuxha.common.shell;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code vgs/lvs/pvs --reportformat json}: {@code {"report": [{"vg": [{"vg_name": "...", ...}]}]}}, every
 * value a string. Rows are returned as maps so the typed records can pick their fields; the drivers ask for
 * {@code --units b --nosuffix} so sizes are plain byte counts.
 */
public final class LvmReportParser {

    private LvmReportParser() {
    }

    /** The rows of section {@code kind} ({@code vg}, {@code lv}, {@code pv}) across all reports. */
    public static List<Map<String, String>> rows(String json, String kind) {
        JsonNode root = Json.parse(json, kind + "s --reportformat json");
        JsonNode reports = root.path("report");
        if (!reports.isArray()) {
            throw new ToolOutputException("LVM report has no 'report' list: " + CommandLineText.excerpt(json, 200));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode report : reports) {
            for (JsonNode row : report.path(kind)) {
                Map<String, String> fields = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = row.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> field = it.next();
                    fields.put(field.getKey(), field.getValue().asText());
                }
                rows.add(fields);
            }
        }
        return rows;
    }

    static String field(Map<String, String> row, String name) {
        String value = row.get(name);
        if (value == null) {
            throw new ToolOutputException("LVM report row lacks field '" + name + "': " + row);
        }
        return value;
    }

    static long bytes(Map<String, String> row, String name) {
        String value = field(row, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ToolOutputException("LVM field '" + name + "' is '" + value
                    + "', not a byte count (was the report run without --units b --nosuffix?)");
        }
    }

    static long number(Map<String, String> row, String name) {
        return bytes(row, name);
    }
}

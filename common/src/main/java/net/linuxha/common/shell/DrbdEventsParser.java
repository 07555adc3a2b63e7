package net.linuxha.common.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code drbdsetup events2} lines (drbd-utils 9, {@code user/v9/drbdsetup_events2.c}). */
public final class DrbdEventsParser {

    private DrbdEventsParser() {
    }

    public static List<DrbdEvent> parse(String text) {
        List<DrbdEvent> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                events.add(parseLine(line));
            }
        }
        return events;
    }

    /**
     * Values never contain spaces; they may contain colons ({@code local:ipv4:1.2.3.4:7789}), so a pair splits at
     * its first colon. With {@code --timestamps} an ISO time comes first and is skipped.
     */
    public static DrbdEvent parseLine(String line) {
        String[] words = line.strip().split("\\s+");
        int first = words.length > 0 && !words[0].isEmpty() && Character.isDigit(words[0].charAt(0)) ? 1 : 0;
        if (words.length < first + 2) {
            throw new ToolOutputException("Unexpected drbdsetup events2 line: " + line);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = first + 2; i < words.length; i++) {
            int colon = words[i].indexOf(':');
            if (colon <= 0) {
                throw new ToolOutputException("Unexpected field '" + words[i] + "' in drbdsetup events2 line: "
                        + line);
            }
            fields.put(words[i].substring(0, colon), words[i].substring(colon + 1));
        }
        return new DrbdEvent(words[first], words[first + 1], fields);
    }
}

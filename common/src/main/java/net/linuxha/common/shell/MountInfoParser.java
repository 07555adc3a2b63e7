package net.linuxha.common.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses {@code /proc/PID/mountinfo}. */
public final class MountInfoParser {

    private MountInfoParser() {
    }

    public static List<MountEntry> parse(String text) {
        List<MountEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                entries.add(parseLine(line));
            }
        }
        return entries;
    }

    /**
     * {@code 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue}: six fixed fields, any
     * number of optional fields, a lone {@code -}, then type, source and super options.
     */
    static MountEntry parseLine(String line) {
        String[] f = line.split(" ");
        int dash = Arrays.asList(f).indexOf("-");
        if (f.length < 10 || dash < 6 || f.length < dash + 4) {
            throw new ToolOutputException("Unexpected mountinfo line: " + line);
        }
        try {
            List<String> optional = List.of(f).subList(6, dash);
            return new MountEntry(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], unescape(f[3]),
                    unescape(f[4]), f[5], optional, unescape(f[dash + 1]), unescape(f[dash + 2]), f[dash + 3]);
        } catch (NumberFormatException e) {
            throw new ToolOutputException("Unexpected mountinfo line: " + line);
        }
    }

    /** The kernel writes space, tab, newline and backslash as three-digit octal escapes. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}

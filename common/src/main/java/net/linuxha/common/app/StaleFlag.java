package net.linuxha.common.app;

import java.util.Objects;

/**
 * One STALE flag: the copy of file system {@code fs} held on {@code node} is out of date (Reference 22.4, 22.4.3,
 * 25.4 FLAG_UNSYNC). On disk it is an empty file named {@code VG.LV.node.STALE} in the application's status
 * directory; both nodes keep such flags about both nodes.
 */
public record StaleFlag(FileSystemId fs, String node) implements Comparable<StaleFlag> {

    public static final String SUFFIX = ".STALE";

    public StaleFlag {
        Objects.requireNonNull(fs, "fs");
        checkNode(node);
    }

    public static StaleFlag of(String vg, String lv, String node) {
        return new StaleFlag(new FileSystemId(vg, lv), node);
    }

    static void checkNode(String node) {
        Objects.requireNonNull(node, "node");
        if (node.isEmpty() || node.contains("/") || !node.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("Node name '" + node
                    + "' is not usable: it must be a non-empty host name as given in clconf.xml");
        }
    }

    /** Whether {@code fileName} is meant to be a STALE flag (ends in {@code .STALE}), well-formed or not. */
    public static boolean looksLikeFlag(String fileName) {
        return fileName.endsWith(SUFFIX);
    }

    /**
     * Parses {@code VG.LV.node.STALE}: the volume group runs to the first dot, the logical volume to the second,
     * and the node is the rest (it may contain dots, as a fully qualified host name does).
     */
    public static StaleFlag parse(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        if (!looksLikeFlag(fileName)) {
            throw new IllegalArgumentException("'" + fileName + "' is not a STALE flag: the name must end in "
                    + SUFFIX + " (VG.LV.node.STALE)");
        }
        String body = fileName.substring(0, fileName.length() - SUFFIX.length());
        int first = body.indexOf('.');
        int second = first < 0 ? -1 : body.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == body.length() - 1) {
            throw new IllegalArgumentException("STALE flag '" + fileName + "' is malformed: expected "
                    + "VG.LV.node.STALE; remove the file, then let the cluster recreate correct flags");
        }
        return of(body.substring(0, first), body.substring(first + 1, second), body.substring(second + 1));
    }

    public String fileName() {
        return fs.vg() + "." + fs.lv() + "." + node + SUFFIX;
    }

    @Override
    public int compareTo(StaleFlag o) {
        int byFs = fs.compareTo(o.fs);
        return byFs != 0 ? byFs : node.compareTo(o.node);
    }

    @Override
    public String toString() {
        return fileName();
    }
}

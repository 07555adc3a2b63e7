package net.linuxha.common.app;

import java.util.Objects;

/**
 * One replicated file system of an application, named by its volume group and logical volume (Reference 5.2).
 *
 * <p>Neither name may contain {@code .}: STALE flag files are named {@code VG.LV.node.STALE} (22.4.3) and the node
 * name may itself contain dots, so the first two dots must be the separators.
 */
public record FileSystemId(String vg, String lv) implements Comparable<FileSystemId> {

    public FileSystemId {
        checkName("Volume group", vg);
        checkName("Logical volume", lv);
    }

    private static void checkName(String what, String name) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty() || name.contains(".") || name.contains("/")
                || !name.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException(what + " name '" + name + "' can not be used in a STALE flag "
                    + "(VG.LV.node.STALE): it must be non-empty printable ASCII without '.', '/' or spaces; "
                    + "rename it with vgrename/lvrename and rebuild the application with clbuildapp");
        }
    }

    @Override
    public int compareTo(FileSystemId o) {
        int byVg = vg.compareTo(o.vg);
        return byVg != 0 ? byVg : lv.compareTo(o.lv);
    }

    /** {@code vg/lv}, the way LVM and the Reference's log lines name it. */
    @Override
    public String toString() {
        return vg + "/" + lv;
    }
}

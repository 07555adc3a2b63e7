package net.linuxha.common.storage;

import java.nio.file.Path;
import java.util.Objects;
import net.linuxha.common.app.FileSystemId;

/**
 * One line of an application's fsmap (Reference 8.7): {@code vg:lv:mountpoint:fstype:options:size}.
 *
 * @param vg         volume group, without {@code /dev/}
 * @param lv         logical volume replicated by DRBD
 * @param mountPoint absolute directory the file system is mounted on
 * @param fsType     for {@code fsck -t} and {@code mount -t}, e.g. {@code ext4}, {@code xfs}
 * @param options    for {@code mount -o}, e.g. {@code rw} or {@code rw,noatime}; never contains {@code :}
 * @param sizeKb     the logical volume's size in KiB when the application was last built (18: growth is noticed
 *                   by comparing it with the volume's size)
 */
public record FsMapEntry(String vg, String lv, Path mountPoint, String fsType, String options, long sizeKb) {

    public FsMapEntry {
        Objects.requireNonNull(vg, "vg");
        Objects.requireNonNull(lv, "lv");
        Objects.requireNonNull(mountPoint, "mountPoint");
        Objects.requireNonNull(fsType, "fsType");
        Objects.requireNonNull(options, "options");
    }

    public FileSystemId id() {
        return new FileSystemId(vg, lv);
    }

    /** {@code /dev/VG/LV}: the DRBD backing disk. */
    public String lvDevice() {
        return "/dev/" + vg + "/" + lv;
    }

    /** The line as it is stored. */
    public String line() {
        return vg + ":" + lv + ":" + mountPoint + ":" + fsType + ":" + options + ":" + sizeKb;
    }
}

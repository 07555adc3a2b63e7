package net.linuxha.common.shell;

import java.util.List;

/**
 * One line of {@code /proc/self/mountinfo} (proc(5)), with octal escapes ({@code \040} for a space) decoded.
 *
 * @param root       the directory of the source file system that is mounted here (for bind mounts)
 * @param mountPoint where it is mounted, relative to this process's root
 * @param source     the device or other source ({@code /dev/drbd0}, {@code tmpfs})
 */
public record MountEntry(int mountId, int parentId, String majorMinor, String root, String mountPoint,
                         String mountOptions, List<String> optionalFields, String fsType, String source,
                         String superOptions) {

    public MountEntry {
        optionalFields = List.copyOf(optionalFields);
    }

    public boolean readOnly() {
        return List.of(mountOptions.split(",")).contains("ro");
    }
}

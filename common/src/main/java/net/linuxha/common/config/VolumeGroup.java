package net.linuxha.common.config;

import java.util.Objects;

/**
 * A {@code <vg>} of appconf.xml (8.1): a volume group owned by the application. Its mounted logical volumes are
 * found when the application is built, not listed here.
 *
 * @param name volume group name without {@code /dev/}
 * @param type how it is handled; only "filesystems" exists
 */
public record VolumeGroup(String name, String type) {

    public static final String FILESYSTEMS = "filesystems";

    public VolumeGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}

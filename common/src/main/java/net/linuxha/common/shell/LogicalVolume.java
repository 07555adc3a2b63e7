package net.linuxha.common.shell;

/**
 * A logical volume as {@code lvs} reports it.
 *
 * @param attributes the ten-character {@code lv_attr}; position 5 is the state ({@code a} active, {@code -} not,
 *                   {@code X} unknown when device-mapper cannot be asked)
 * @param path       {@code /dev/VG/LV}
 */
public record LogicalVolume(String volumeGroup, String name, long sizeBytes, String attributes, String path,
                            String uuid) {

    public boolean active() {
        return attributes.length() > 4 && attributes.charAt(4) == 'a';
    }
}

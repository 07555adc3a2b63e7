package net.linuxha.common.shell;

/** A volume group as {@code vgs} reports it; sizes in bytes. */
public record VolumeGroup(String name, long sizeBytes, long freeBytes, long extentSizeBytes, long extentCount,
                          long freeExtentCount, int physicalVolumeCount, int logicalVolumeCount, String attributes) {
}

package net.linuxha.common.shell;

import java.util.Optional;

/** A physical volume as {@code pvs} reports it; the volume group is empty for an unused one. */
public record PhysicalVolume(String device, Optional<String> volumeGroup, long sizeBytes, long freeBytes,
                             String attributes) {
}

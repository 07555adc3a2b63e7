package net.linuxha.cli.clbuildapp;

/**
 * The DRBD meta data volume of a replicated logical volume, {@code <lv>_meta} in the same volume group (8.4). With
 * it the whole logical volume stays the file system's: internal meta data would take the end of a device that
 * already holds a file system.
 *
 * <p>The Reference's 2005 DRBD 0.7 wanted 128 MB per volume. DRBD 9's external meta data for one peer needs a 4 KiB
 * superblock, a 32 KiB activity log and one bitmap bit per 4 KiB of data (32 KiB per GiB); the volume gets that,
 * rounded up to whole MiB with 4 MiB (one LVM extent) at least, so small volume groups are not eaten by meta data.
 */
final class MetaVolume {

    private static final long MIB = 1024L * 1024;
    private static final long MINIMUM = 4 * MIB;

    private MetaVolume() {
    }

    static String name(String lv) {
        return lv + FileSystemDiscovery.META_SUFFIX;
    }

    /** Bytes of meta data volume for a data volume of {@code dataBytes}. */
    static long sizeBytes(long dataBytes) {
        long bitmap = (dataBytes / 4096 + 7) / 8;
        long needed = 4096 + 32 * 1024 + bitmap;
        long rounded = (needed + MIB - 1) / MIB * MIB;
        return Math.max(MINIMUM, rounded);
    }
}

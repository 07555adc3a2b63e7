package net.linuxha.cli.clbuildapp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import net.linuxha.common.shell.LogicalVolume;
import net.linuxha.common.shell.MountEntry;
import net.linuxha.common.storage.FsMap;
import net.linuxha.common.storage.FsMapEntry;

/**
 * Which logical volumes of a volume group are the application's file systems (8.3-8.5: "all mounted file systems
 * will be recorded"; 18: a rebuild also knows them from the existing fsmap). Pure: the volumes, the mount table and
 * the old fsmap come in, the decision goes out.
 *
 * <ul>
 * <li>A volume mounted from its own device (by device number, or by {@code /dev/VG/LV} or
 * {@code /dev/mapper/VG-LV}) is a file system at that mount point, with its type and mount options.</li>
 * <li>A volume in the old fsmap whose mount point holds a {@code /dev/drbd} device is in the cluster and running
 * here: it stays, with its current size (growth, 18.3.1).</li>
 * <li>With {@code keepUnmounted} (an off-line rebuild without --fsmap), an old fsmap entry stays although nothing
 * is mounted.</li>
 * <li>Everything else is not used; {@code <lv>_meta} volumes (DRBD meta data, 8.4) are never file systems.</li>
 * </ul>
 */
final class FileSystemDiscovery {

    static final String META_SUFFIX = "_meta";

    /** The outcome for one volume group. */
    record Result(String volumeGroup, List<FoundFileSystem> used, List<String> unused, int checked) {
        Result {
            used = List.copyOf(used);
            unused = List.copyOf(unused);
        }
    }

    private final List<MountEntry> mounts;
    private final Function<String, Optional<String>> deviceNumber;
    private final Optional<FsMap> old;
    private final boolean keepUnmounted;

    /**
     * @param deviceNumber  {@code major:minor} of a device path (as in mountinfo), empty when it cannot be read
     * @param keepUnmounted keep old fsmap entries that are not mounted
     */
    FileSystemDiscovery(List<MountEntry> mounts, Function<String, Optional<String>> deviceNumber,
                        Optional<FsMap> old, boolean keepUnmounted) {
        this.mounts = List.copyOf(mounts);
        this.deviceNumber = Objects.requireNonNull(deviceNumber, "deviceNumber");
        this.old = Objects.requireNonNull(old, "old");
        this.keepUnmounted = keepUnmounted;
    }

    static boolean isMeta(String lv) {
        return lv.endsWith(META_SUFFIX);
    }

    /** {@code /dev/mapper} name of a volume: dashes in either name are doubled. */
    static String mapperPath(String vg, String lv) {
        return "/dev/mapper/" + vg.replace("-", "--") + "-" + lv.replace("-", "--");
    }

    Result discover(String vg, List<LogicalVolume> volumes) {
        List<FoundFileSystem> used = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        int checked = 0;
        for (LogicalVolume lv : volumes) {
            if (isMeta(lv.name())) {
                continue;
            }
            checked++;
            long sizeKb = lv.sizeBytes() / 1024;
            Optional<MountEntry> direct = mountedFrom(vg, lv);
            Optional<FsMapEntry> known = old.flatMap(f -> f.entries().stream()
                    .filter(e -> e.vg().equals(vg) && e.lv().equals(lv.name())).findFirst());
            if (direct.isPresent()) {
                MountEntry m = direct.get();
                used.add(new FoundFileSystem(new FsMapEntry(vg, lv.name(), Path.of(m.mountPoint()), m.fsType(),
                        options(m), sizeKb), FoundFileSystem.Source.LOGICAL_VOLUME));
            } else if (known.isPresent() && onDrbd(known.get().mountPoint())) {
                FsMapEntry e = known.get();
                used.add(new FoundFileSystem(new FsMapEntry(vg, e.lv(), e.mountPoint(), e.fsType(), e.options(),
                        sizeKb), FoundFileSystem.Source.DRBD));
            } else if (known.isPresent() && keepUnmounted) {
                used.add(new FoundFileSystem(known.get(), FoundFileSystem.Source.FSMAP));
            } else {
                unused.add(lv.name());
            }
        }
        return new Result(vg, used, unused, checked);
    }

    private Optional<MountEntry> mountedFrom(String vg, LogicalVolume lv) {
        Optional<String> number = deviceNumber.apply(lv.path().isEmpty() ? "/dev/" + vg + "/" + lv.name()
                : lv.path());
        List<String> names = List.of("/dev/" + vg + "/" + lv.name(), mapperPath(vg, lv.name()));
        // The last match is the topmost mount, as the kernel lists mounts in the order they were made.
        Optional<MountEntry> found = Optional.empty();
        for (MountEntry m : mounts) {
            // A DRBD device may carry its backing volume's number (the lab's simulated DRBD is that very loop
            // device): mounted through DRBD is the running-application case below, never a new file system.
            boolean byNumber = number.isPresent() && number.get().equals(m.majorMinor())
                    && m.source().startsWith("/dev/") && !m.source().startsWith("/dev/drbd");
            if (byNumber || names.contains(m.source())) {
                found = Optional.of(m);
            }
        }
        return found;
    }

    private boolean onDrbd(Path mountPoint) {
        String wanted = mountPoint.toString();
        return mounts.stream().anyMatch(m -> m.mountPoint().equals(wanted) && m.source().startsWith("/dev/drbd"));
    }

    /** The per-mount options; a ':' would break the fsmap line, and such options are rare enough to drop. */
    private static String options(MountEntry m) {
        List<String> kept = new ArrayList<>();
        for (String option : m.mountOptions().split(",")) {
            if (!option.isBlank() && !option.contains(":")) {
                kept.add(option);
            }
        }
        return kept.isEmpty() ? "defaults" : String.join(",", kept);
    }
}

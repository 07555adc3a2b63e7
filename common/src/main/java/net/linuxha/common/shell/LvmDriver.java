package net.linuxha.common.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * LVM2 through its command-line tools (Reference 8.4, 8.5, 18: volume groups of applications, logical volumes under
 * DRBD, on-line growth with {@code lvextend}).
 *
 * <p>On a host without device-mapper (the lab), {@link #withoutDeviceMapper(CommandRunner)} passes LVM's own
 * {@code --driverloaded n}: metadata changes (create, extend, reduce, remove) work, activation cannot.
 */
public final class LvmDriver {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String VG_FIELDS = "vg_name,vg_size,vg_free,vg_extent_size,vg_extent_count,vg_free_count,"
            + "pv_count,lv_count,vg_attr";
    private static final String LV_FIELDS = "vg_name,lv_name,lv_size,lv_attr,lv_path,lv_uuid";
    private static final String PV_FIELDS = "pv_name,vg_name,pv_size,pv_free,pv_attr";

    private final CommandRunner runner;
    private final boolean deviceMapper;

    public LvmDriver(CommandRunner runner) {
        this(runner, true);
    }

    private LvmDriver(CommandRunner runner, boolean deviceMapper) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.deviceMapper = deviceMapper;
    }

    /** For hosts whose kernel lacks device-mapper: metadata only, logical volumes can never be activated. */
    public static LvmDriver withoutDeviceMapper(CommandRunner runner) {
        return new LvmDriver(runner, false);
    }

    public List<VolumeGroup> volumeGroups() {
        return LvmReportParser.rows(report("vgs", VG_FIELDS).orThrow().stdout(), "vg").stream()
                .map(LvmDriver::volumeGroup).toList();
    }

    public Optional<VolumeGroup> volumeGroup(String name) {
        CommandResult result = report("vgs", VG_FIELDS, name);
        if (isNotFound(result)) {
            return Optional.empty();
        }
        return LvmReportParser.rows(check(result, "volume group " + name).stdout(), "vg").stream()
                .map(LvmDriver::volumeGroup).findFirst();
    }

    /** The logical volumes of one volume group. */
    public List<LogicalVolume> logicalVolumes(String volumeGroup) {
        CommandResult result = report("lvs", LV_FIELDS, volumeGroup);
        return LvmReportParser.rows(check(result, "volume group " + volumeGroup).stdout(), "lv").stream()
                .map(LvmDriver::logicalVolume).toList();
    }

    public Optional<LogicalVolume> logicalVolume(String volumeGroup, String name) {
        CommandResult result = report("lvs", LV_FIELDS, volumeGroup + "/" + name);
        if (isNotFound(result)) {
            return Optional.empty();
        }
        return LvmReportParser.rows(check(result, volumeGroup + "/" + name).stdout(), "lv").stream()
                .map(LvmDriver::logicalVolume).findFirst();
    }

    public List<PhysicalVolume> physicalVolumes() {
        return LvmReportParser.rows(report("pvs", PV_FIELDS).orThrow().stdout(), "pv").stream()
                .map(LvmDriver::physicalVolume).toList();
    }

    public void createPhysicalVolume(String device) {
        check(lvm("pvcreate", device), "physical volume " + device);
    }

    public void removePhysicalVolume(String device) {
        check(lvm("pvremove", device), "physical volume " + device);
    }

    public void createVolumeGroup(String name, List<String> physicalVolumes) {
        List<String> args = new ArrayList<>(List.of("vgcreate", name));
        args.addAll(physicalVolumes);
        check(lvm(args), "volume group " + name);
    }

    public void removeVolumeGroup(String name) {
        check(lvm(withDm("vgremove", "-f", name)), "volume group " + name);
    }

    /** {@code lvcreate -L SIZEb -n NAME VG}; LVM rounds the size up to whole extents. */
    public void createLogicalVolume(String volumeGroup, String name, long sizeBytes) {
        List<String> args = deviceMapper ? List.of("lvcreate", "-L", size(sizeBytes), "-n", name, volumeGroup)
                // Without device-mapper LVM can neither activate nor zero the new volume; say so explicitly.
                : withDm("lvcreate", "-an", "-Zn", "-L", size(sizeBytes), "-n", name, volumeGroup);
        check(lvm(args), "logical volume " + volumeGroup + "/" + name);
    }

    /** {@code lvextend -L SIZEb VG/LV} to the new total size (Reference 18.3.1). */
    public void extend(String volumeGroup, String name, long newSizeBytes) {
        check(lvm(withDm("lvextend", "-L", size(newSizeBytes), volumeGroup + "/" + name)),
                "logical volume " + volumeGroup + "/" + name);
    }

    /** {@code lvreduce -f -L SIZEb VG/LV}: the caller must already have shrunk what is on it (Reference 18.3.3). */
    public void reduce(String volumeGroup, String name, long newSizeBytes) {
        check(lvm(withDm("lvreduce", "-f", "-L", size(newSizeBytes), volumeGroup + "/" + name)),
                "logical volume " + volumeGroup + "/" + name);
    }

    public void remove(String volumeGroup, String name) {
        check(lvm(withDm("lvremove", "-f", volumeGroup + "/" + name)), "logical volume " + volumeGroup + "/" + name);
    }

    public void activate(String volumeGroup, String name) {
        check(lvm("lvchange", "-ay", volumeGroup + "/" + name), "logical volume " + volumeGroup + "/" + name);
    }

    public void deactivate(String volumeGroup, String name) {
        check(lvm("lvchange", "-an", volumeGroup + "/" + name), "logical volume " + volumeGroup + "/" + name);
    }

    /** The human-readable {@code vgdisplay VG}, for the administrator's log. */
    public String displayVolumeGroup(String name) {
        return check(lvm("vgdisplay", name), "volume group " + name).stdout();
    }

    private static VolumeGroup volumeGroup(Map<String, String> row) {
        return new VolumeGroup(LvmReportParser.field(row, "vg_name"), LvmReportParser.bytes(row, "vg_size"),
                LvmReportParser.bytes(row, "vg_free"), LvmReportParser.bytes(row, "vg_extent_size"),
                LvmReportParser.number(row, "vg_extent_count"), LvmReportParser.number(row, "vg_free_count"),
                (int) LvmReportParser.number(row, "pv_count"), (int) LvmReportParser.number(row, "lv_count"),
                LvmReportParser.field(row, "vg_attr"));
    }

    private static LogicalVolume logicalVolume(Map<String, String> row) {
        return new LogicalVolume(LvmReportParser.field(row, "vg_name"), LvmReportParser.field(row, "lv_name"),
                LvmReportParser.bytes(row, "lv_size"), LvmReportParser.field(row, "lv_attr"),
                LvmReportParser.field(row, "lv_path"), LvmReportParser.field(row, "lv_uuid"));
    }

    private static PhysicalVolume physicalVolume(Map<String, String> row) {
        String vg = LvmReportParser.field(row, "vg_name");
        return new PhysicalVolume(LvmReportParser.field(row, "pv_name"), vg.isEmpty() ? Optional.empty()
                : Optional.of(vg), LvmReportParser.bytes(row, "pv_size"), LvmReportParser.bytes(row, "pv_free"),
                LvmReportParser.field(row, "pv_attr"));
    }

    private static String size(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("Logical volume size must be positive, got " + bytes + " bytes");
        }
        return bytes + "b";
    }

    private List<String> withDm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!deviceMapper) {
            all.add(1, "--driverloaded");
            all.add(2, "n");
        }
        return all;
    }

    private CommandResult report(String tool, String fields, String... names) {
        List<String> args = new ArrayList<>(List.of(tool, "--reportformat", "json", "--units", "b", "--nosuffix",
                "-o", fields));
        args.addAll(List.of(names));
        return lvm(args);
    }

    private CommandResult lvm(String... args) {
        return lvm(List.of(args));
    }

    private CommandResult lvm(List<String> argv) {
        // LVM warns on stderr about every inherited descriptor; the warnings would bury its real messages.
        return runner.run(Command.of(argv).withEnv("LVM_SUPPRESS_FD_WARNINGS", "1").withTimeout(TIMEOUT));
    }

    static boolean isNotFound(CommandResult result) {
        if (result.succeeded()) {
            return false;
        }
        String err = result.stderr();
        return err.contains("not found") || err.contains("Failed to find");
    }

    private static CommandResult check(CommandResult result, String what) {
        if (result.succeeded()) {
            return result;
        }
        String lvmSays = lvmMessage(result.stderr());
        if (isNotFound(result)) {
            throw new LvmNotFoundException("LVM cannot find " + what + ": " + lvmSays + " ('" + result.display()
                    + "'); check the name with vgs/lvs", result);
        }
        throw new LvmException("LVM failed on " + what + ": " + lvmSays + " ('" + result.display() + "' exited with "
                + result.exitCode() + ")", result);
    }

    /** LVM's own error lines, without the warnings it prints around them. */
    static String lvmMessage(String stderr) {
        List<String> lines = stderr.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("WARNING:") && !l.startsWith("File descriptor"))
                .toList();
        return lines.isEmpty() ? "(no message)" : String.join(" / ", lines);
    }
}

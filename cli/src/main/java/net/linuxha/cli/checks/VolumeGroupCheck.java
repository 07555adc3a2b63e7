package net.linuxha.cli.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.linuxha.common.shell.LvmDriver;
import net.linuxha.common.shell.VolumeGroup;

/**
 * The volume groups of an application exist on a node (8.3 "If volume group details exist check that they exist on
 * the local and remote machines", 8.5 "Checked volume groups exist on servera"), read with {@code vgs} there.
 */
public final class VolumeGroupCheck implements Check {

    /** How a missing volume group is reported. */
    public enum Missing {
        /** A failure: nothing can be built without it. */
        FAIL,
        /** A warning: a later step (clbuildapp --vgbuild in the lab) creates it. */
        WARN
    }

    private final String name;
    private final NodeShell node;
    private final List<String> volumeGroups;
    private final Missing missing;
    private final String fix;

    /** @param fix how to create a missing volume group on that node */
    public VolumeGroupCheck(String name, NodeShell node, List<String> volumeGroups, Missing missing, String fix) {
        this.name = Objects.requireNonNull(name, "name");
        this.node = Objects.requireNonNull(node, "node");
        this.volumeGroups = List.copyOf(volumeGroups);
        this.missing = Objects.requireNonNull(missing, "missing");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "Checking volume groups " + String.join(", ", volumeGroups) + " exist on " + node.node();
    }

    @Override
    public List<CheckResult> run() {
        LvmDriver lvm = new LvmDriver(node.runner());
        List<CheckResult> results = new ArrayList<>();
        for (String vg : volumeGroups) {
            Optional<VolumeGroup> found = lvm.volumeGroup(vg);
            if (found.isPresent()) {
                results.add(CheckResult.ok("Volume group " + vg + " exists on " + node.node() + " ("
                        + found.get().sizeBytes() / 1024 + "Kb, " + found.get().freeBytes() / 1024 + "Kb free)"));
            } else {
                String message = "Volume group " + vg + " does not exist on " + node.node();
                results.add(missing == Missing.FAIL ? CheckResult.fail(message, fix) : CheckResult.warn(message, fix));
            }
        }
        if (results.stream().noneMatch(r -> r.status() != CheckStatus.OK)) {
            results.add(CheckResult.ok("Checked volume groups exist on " + node.node()));
        }
        return results;
    }
}

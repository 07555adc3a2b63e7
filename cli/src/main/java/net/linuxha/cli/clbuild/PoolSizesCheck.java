package net.linuxha.cli.clbuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.linuxha.cli.checks.Check;
import net.linuxha.cli.checks.CheckResult;
import net.linuxha.common.config.ClusterConfig;
import net.linuxha.common.config.PortPool;

/**
 * "Check to see if the port pool contains at least 10 ports" and "Issues a warning if the maxblockdevs setting is
 * too small (less than 10 entries)" (7.2.4); the lower of the two limits the replicated file systems (7.2.1).
 */
final class PoolSizesCheck implements Check {

    static final String NAME = "pool-sizes";

    private final ClusterConfig config;

    PoolSizesCheck(ClusterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Checking global Port Pool details and Maximum block devices";
    }

    @Override
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        PortPool pool = config.portPool();
        if (pool.size() < PortPool.MINIMUM_SIZE) {
            results.add(CheckResult.fail("The port pool " + pool + " holds " + pool.size() + " ports; at least "
                    + PortPool.MINIMUM_SIZE + " are required", "widen <global><portpool>, e.g. 9901,9999"));
        } else {
            results.add(CheckResult.ok("Port pool " + pool + " holds " + pool.size() + " ports"));
        }
        int devices = config.maxBlockDevs();
        if (devices < PortPool.MINIMUM_SIZE) {
            results.add(CheckResult.warn("maxblockdevs is " + devices + ": the cluster can replicate at most "
                    + devices + " file systems", "set <global><maxblockdevs> to 10 or more"));
        } else {
            results.add(CheckResult.ok("Maximum block devices: " + devices));
        }
        if (devices > pool.size()) {
            results.add(CheckResult.warn("maxblockdevs (" + devices + ") is larger than the port pool ("
                    + pool.size() + " ports); each replicated file system needs a port and a device, so only "
                    + pool.size() + " can be used", "make <global><maxblockdevs> and the size of <portpool> equal"));
        }
        return results;
    }
}

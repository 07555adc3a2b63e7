package net.linuxha.common.resources;

import java.util.Objects;

import net.linuxha.common.config.ClusterConfig;

/**
 * The resources clbuild provides on each node (7.2.5): one port file per port of {@code global.portpool} and one
 * DRBD file per minor {@code 0 .. global.maxblockdevs - 1} ("always starting at 0").
 */
public record ResourceLayout(ResourceRange ports, ResourceRange drbdMinors) {

    public ResourceLayout {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(drbdMinors, "drbdMinors");
    }

    public static ResourceLayout of(ClusterConfig config) {
        return new ResourceLayout(new ResourceRange(config.portPool().min(), config.portPool().max()),
                new ResourceRange(0, config.maxBlockDevs() - 1));
    }

    public ResourceRange range(ResourceKind kind) {
        return switch (kind) {
            case PORT -> ports;
            case DRBD_MINOR -> drbdMinors;
        };
    }
}

package net.linuxha.common.resources;

import java.util.Objects;

/** What {@link ResourcePools#sync(ResourceLayout)} did to one resource directory. */
public record PoolSyncResult(ResourceKind kind, String where, boolean directoryCreated, int created, int removed) {

    public PoolSyncResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
    }
}

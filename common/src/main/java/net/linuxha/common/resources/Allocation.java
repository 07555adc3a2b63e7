package net.linuxha.common.resources;

import java.util.Objects;

/** A resource number held by a file system of an application. */
public record Allocation(ResourceKind kind, int number, ResourceOwner owner) {

    public Allocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
    }

    /** "port 9901 of application apache (app01vg/docs)". */
    @Override
    public String toString() {
        return kind.noun() + " " + number + " of " + owner;
    }
}

package net.linuxha.common.resources;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What it takes to make one resource directory match a range (7.2.5), decided without touching anything: flags to
 * create for numbers that have none, {@code .free} flags to delete (outside the range, or left beside an allocation
 * of the same number), and allocations the range would drop, which are an error: a re-run of clbuild keeps every
 * allocation ("if a resource is already in use, it is left unchanged").
 *
 * @param toCreate   {@code N.free} file names to create
 * @param toDelete   {@code N.free} file names to delete
 * @param outOfRange allocations that lie outside the range
 */
public record PoolPlan(ResourceKind kind, ResourceRange range, String where, List<String> toCreate,
                       List<String> toDelete, List<Allocation> outOfRange) {

    public PoolPlan {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(where, "where");
        toCreate = List.copyOf(toCreate);
        toDelete = List.copyOf(toDelete);
        outOfRange = List.copyOf(outOfRange);
    }

    /** The plan for the files {@code present} in the directory (names that are not flags are left alone). */
    public static PoolPlan of(ResourceKind kind, ResourceRange range, String where, List<String> present) {
        List<ResourceFile> files = present.stream().map(ResourceFile::parse).flatMap(java.util.Optional::stream)
                .toList();
        Set<Integer> allocated = new HashSet<>();
        Set<Integer> seen = new HashSet<>();
        List<Allocation> outOfRange = new ArrayList<>();
        for (ResourceFile file : files) {
            seen.add(file.number());
            file.owner().ifPresent(owner -> {
                allocated.add(file.number());
                if (!range.contains(file.number())) {
                    outOfRange.add(new Allocation(kind, file.number(), owner));
                }
            });
        }
        List<String> toDelete = new ArrayList<>();
        for (ResourceFile file : files) {
            if (file.isFree() && (!range.contains(file.number()) || allocated.contains(file.number()))) {
                toDelete.add(file.fileName());
            }
        }
        List<String> toCreate = new ArrayList<>();
        for (int number = range.first(); number <= range.last(); number++) {
            if (!seen.contains(number)) {
                toCreate.add(ResourceFile.free(number).fileName());
            }
        }
        return new PoolPlan(kind, range, where, toCreate, toDelete, outOfRange);
    }

    public boolean conflicts() {
        return !outOfRange.isEmpty();
    }

    /** One message per allocation the range would drop, naming the holder and the fix. */
    public List<String> conflictMessages() {
        String setting = kind == ResourceKind.PORT ? "<portpool>" : "<maxblockdevs>";
        return outOfRange.stream().map(a -> a.kind().noun() + " " + a.number() + " in " + where
                + " is allocated to " + a.owner() + " but lies outside the new range " + range + ": change "
                + setting + " in clconf.xml to include " + a.number() + ", or remove application "
                + a.owner().application() + " with clremoveapp first").toList();
    }
}

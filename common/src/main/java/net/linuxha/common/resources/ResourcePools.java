package net.linuxha.common.resources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

import net.linuxha.common.ClusterPaths;

/**
 * The port and DRBD-minor pools of one node (Reference 7.2.5, 8.5, 12): flag files {@code N.free} and
 * {@code N.application.vg.lv} under {@code /etc/cluster/.resources/ports} and {@code .../drbd}.
 *
 * <ul>
 * <li>clbuild: {@link #sync(ResourceLayout)} creates the free flags of the configured ranges and keeps every
 * allocation; it refuses (changing nothing) a range that would drop an allocated number.</li>
 * <li>clbuildapp --build: {@link #allocate(ResourceKind, ResourceOwner, int)} on both nodes with the same number,
 * chosen with {@link #firstFreeOnAll(ResourceKind, Collection)}; allocating again for the same owner is a no-op.</li>
 * <li>clremoveapp: {@link #release(String)} turns the application's flags back into {@code N.free}.</li>
 * </ul>
 *
 * <p>Every change is one create, delete or rename of a flag file, made while holding the store's lock, so pools
 * never show a number both free and allocated, or neither, after a crash.
 */
public final class ResourcePools {

    private final ResourceStore store;

    public ResourcePools(ResourceStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** This node's pools under {@code paths.resourcesDir()}. */
    public static ResourcePools local(ClusterPaths paths) {
        return new ResourcePools(new DirectoryResourceStore(paths.resourcesDir()));
    }

    public ResourceStore store() {
        return store;
    }

    /** The flag files of {@code kind}, by number (other files in the directory are ignored). */
    public List<ResourceFile> files(ResourceKind kind) throws IOException {
        return store.list(kind).stream().map(ResourceFile::parse).flatMap(Optional::stream)
                .sorted((a, b) -> Integer.compare(a.number(), b.number())).toList();
    }

    /** What {@link #sync} would do for {@code layout}, one plan per kind; changes nothing. */
    public List<PoolPlan> plan(ResourceLayout layout) throws IOException {
        List<PoolPlan> plans = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.values()) {
            plans.add(PoolPlan.of(kind, layout.range(kind), store.describe(), store.list(kind)));
        }
        return plans;
    }

    /**
     * Makes the pools match {@code layout}: creates missing directories and free flags, deletes free flags outside
     * the ranges, keeps every allocation. Idempotent.
     *
     * @throws ResourceException when an allocated number lies outside the new ranges; nothing is changed then
     */
    public List<PoolSyncResult> sync(ResourceLayout layout) throws IOException, ResourceException {
        return store.locked(() -> {
            List<PoolPlan> plans = plan(layout);
            List<String> conflicts = plans.stream().flatMap(p -> p.conflictMessages().stream()).toList();
            if (!conflicts.isEmpty()) {
                throw new ResourceException(String.join("\n", conflicts));
            }
            List<PoolSyncResult> results = new ArrayList<>();
            for (PoolPlan plan : plans) {
                boolean createdDir = store.ensureDirectory(plan.kind());
                store.delete(plan.kind(), plan.toDelete());
                store.create(plan.kind(), plan.toCreate());
                results.add(new PoolSyncResult(plan.kind(), store.describe(), createdDir, plan.toCreate().size(),
                        plan.toDelete().size()));
            }
            return results;
        });
    }

    /** Every allocation of {@code kind}, by number. */
    public List<Allocation> allocations(ResourceKind kind) throws IOException {
        return files(kind).stream().filter(f -> !f.isFree())
                .map(f -> new Allocation(kind, f.number(), f.owner().get())).toList();
    }

    /** Every allocation (ports, then DRBD minors) held by {@code application}. */
    public List<Allocation> allocations(String application) throws IOException {
        List<Allocation> held = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.values()) {
            allocations(kind).stream().filter(a -> a.owner().application().equals(application)).forEach(held::add);
        }
        return held;
    }

    /** The number {@code owner} holds, if any. */
    public Optional<Allocation> allocation(ResourceKind kind, ResourceOwner owner) throws IOException {
        return allocations(kind).stream().filter(a -> a.owner().equals(owner)).findFirst();
    }

    /** The free numbers of {@code kind} (a number with a stray free flag beside an allocation is not free). */
    public SortedSet<Integer> free(ResourceKind kind) throws IOException {
        List<ResourceFile> files = files(kind);
        SortedSet<Integer> free = new TreeSet<>();
        files.stream().filter(ResourceFile::isFree).forEach(f -> free.add(f.number()));
        files.stream().filter(f -> !f.isFree()).forEach(f -> free.remove(f.number()));
        return free;
    }

    /** The lowest number free in every one of {@code pools}: what both nodes can allocate for one file system. */
    public static OptionalInt firstFreeOnAll(ResourceKind kind, Collection<ResourcePools> pools) throws IOException {
        SortedSet<Integer> common = null;
        for (ResourcePools pool : pools) {
            SortedSet<Integer> free = pool.free(kind);
            if (common == null) {
                common = free;
            } else {
                common.retainAll(free);
            }
        }
        return common == null || common.isEmpty() ? OptionalInt.empty() : OptionalInt.of(common.first());
    }

    /** The number {@code owner} already holds, or the lowest free one, now held by {@code owner}. */
    public Allocation allocate(ResourceKind kind, ResourceOwner owner) throws IOException, ResourceException {
        return store.locked(() -> {
            Optional<Allocation> held = allocation(kind, owner);
            if (held.isPresent()) {
                return held.get();
            }
            SortedSet<Integer> free = free(kind);
            if (free.isEmpty()) {
                throw new ResourceException("no free " + kind.noun() + " left in " + store.describe() + " for "
                        + owner + ": widen " + (kind == ResourceKind.PORT ? "<portpool>" : "<maxblockdevs>")
                        + " in clconf.xml and run clbuild --force, or remove an application with clremoveapp");
            }
            return take(kind, owner, free.first());
        });
    }

    /**
     * Allocates exactly {@code number} to {@code owner}, as both nodes must use the same numbers for one file
     * system (7.2.5). A no-op when {@code owner} holds it already.
     *
     * @throws ResourceException when the owner holds another number, someone else holds this one, or it is not in
     *                           the pool
     */
    public Allocation allocate(ResourceKind kind, ResourceOwner owner, int number)
            throws IOException, ResourceException {
        return store.locked(() -> {
            Optional<Allocation> held = allocation(kind, owner);
            if (held.isPresent()) {
                if (held.get().number() == number) {
                    return held.get();
                }
                throw new ResourceException(owner + " already holds " + kind.noun() + " " + held.get().number()
                        + " in " + store.describe() + ", not " + number + ": the nodes disagree; release it with "
                        + "clremoveapp and build the application again");
            }
            Optional<Allocation> other = allocations(kind).stream().filter(a -> a.number() == number).findFirst();
            if (other.isPresent()) {
                throw new ResourceException(kind.noun() + " " + number + " in " + store.describe()
                        + " is already allocated to " + other.get().owner() + "; choose a number free on both nodes");
            }
            if (!free(kind).contains(number)) {
                throw new ResourceException(kind.noun() + " " + number + " is not in the pool of "
                        + store.describe() + " (no " + ResourceFile.free(number).fileName() + "): run clbuild on "
                        + "the cluster's nodes to create the pools");
            }
            return take(kind, owner, number);
        });
    }

    /** Releases every port and DRBD minor of {@code application} (clremoveapp, 12); returns what it released. */
    public List<Allocation> release(String application) throws IOException, ResourceException {
        ResourceOwner.checkApplication(application);
        return store.locked(() -> {
            List<Allocation> held = allocations(application);
            for (Allocation allocation : held) {
                give(allocation);
            }
            return held;
        });
    }

    /** Releases what {@code owner} holds of {@code kind}, if anything. */
    public Optional<Allocation> release(ResourceKind kind, ResourceOwner owner) throws IOException, ResourceException {
        return store.locked(() -> {
            Optional<Allocation> held = allocation(kind, owner);
            if (held.isPresent()) {
                give(held.get());
            }
            return held;
        });
    }

    private Allocation take(ResourceKind kind, ResourceOwner owner, int number) throws IOException {
        store.rename(kind, ResourceFile.free(number).fileName(), ResourceFile.allocated(number, owner).fileName());
        return new Allocation(kind, number, owner);
    }

    private void give(Allocation allocation) throws IOException {
        String free = ResourceFile.free(allocation.number()).fileName();
        String held = ResourceFile.allocated(allocation.number(), allocation.owner()).fileName();
        if (store.list(allocation.kind()).contains(free)) {
            store.delete(allocation.kind(), List.of(held));
        } else {
            store.rename(allocation.kind(), held, free);
        }
    }
}

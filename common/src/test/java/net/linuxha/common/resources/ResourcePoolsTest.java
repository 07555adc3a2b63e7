package net.linuxha.common.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import net.linuxha.common.ClusterPaths;
import net.linuxha.common.shell.ProcessCommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The pools of 7.2.5 on real directories: created by clbuild, kept on re-runs, allocated and released. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResourcePoolsTest {

    private static final ResourceLayout LAYOUT = new ResourceLayout(new ResourceRange(9901, 9999),
            new ResourceRange(0, 49));
    private static final ResourceOwner DOCS = ResourceOwner.of("apache", "app01vg", "docs");
    private static final ResourceOwner LOGS = ResourceOwner.of("apache", "app01vg", "logs");
    private static final ResourceOwner DATA = ResourceOwner.of("samba", "sambavg", "data");

    @TempDir
    Path root;

    private ResourcePools pools() {
        return ResourcePools.local(ClusterPaths.under(root));
    }

    private Path dir(ResourceKind kind) {
        return ClusterPaths.under(root).resourcesDir().resolve(kind.directory());
    }

    private Set<String> names(ResourceKind kind) throws IOException {
        try (Stream<Path> files = Files.list(dir(kind))) {
            return Set.copyOf(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** The Reference's example build: 99 port flags 9901..9999 and 50 DRBD flags 0..49, all free. */
    @Test
    void syncCreatesOneFreeFlagPerPortAndMinor() throws Exception {
        List<PoolSyncResult> results = pools().sync(LAYOUT);
        assertEquals(new PoolSyncResult(ResourceKind.PORT, results.get(0).where(), true, 99, 0), results.get(0));
        assertEquals(new PoolSyncResult(ResourceKind.DRBD_MINOR, results.get(1).where(), true, 50, 0),
                results.get(1));
        assertEquals(99, names(ResourceKind.PORT).size());
        assertTrue(names(ResourceKind.PORT).containsAll(Set.of("9901.free", "9999.free")));
        assertTrue(names(ResourceKind.DRBD_MINOR).containsAll(Set.of("0.free", "49.free")));
        assertFalse(names(ResourceKind.DRBD_MINOR).contains("50.free"));
    }

    /** A re-run changes nothing and keeps allocations (7.2.5: "if a resource is already in use, it is left"). */
    @Test
    void rerunKeepsAllocations() throws Exception {
        ResourcePools pools = pools();
        pools.sync(LAYOUT);
        Allocation port = pools.allocate(ResourceKind.PORT, DOCS);
        Allocation minor = pools.allocate(ResourceKind.DRBD_MINOR, DOCS);
        assertEquals(9901, port.number());
        assertEquals(0, minor.number());
        List<PoolSyncResult> again = pools.sync(LAYOUT);
        assertEquals(0, again.get(0).created());
        assertEquals(0, again.get(0).removed());
        assertFalse(again.get(0).directoryCreated());
        assertTrue(names(ResourceKind.PORT).contains("9901.apache.app01vg.docs"));
        assertFalse(names(ResourceKind.PORT).contains("9901.free"));
        assertEquals(List.of(port, minor), pools.allocations("apache"));
    }

    @Test
    void allocationIsIdempotentAndTakesTheLowestFreeNumber() throws Exception {
        ResourcePools pools = pools();
        pools.sync(LAYOUT);
        assertEquals(9901, pools.allocate(ResourceKind.PORT, DOCS).number());
        assertEquals(9901, pools.allocate(ResourceKind.PORT, DOCS).number());
        assertEquals(9902, pools.allocate(ResourceKind.PORT, LOGS).number());
        assertEquals(97, pools.free(ResourceKind.PORT).size());
    }

    /** Both nodes must use the same numbers: a chosen number, refused when someone else holds it. */
    @Test
    void allocateAChosenNumberOrSayWhoHoldsIt() throws Exception {
        ResourcePools pools = pools();
        pools.sync(LAYOUT);
        assertEquals(9950, pools.allocate(ResourceKind.PORT, DOCS, 9950).number());
        assertEquals(9950, pools.allocate(ResourceKind.PORT, DOCS, 9950).number());
        ResourceException taken = assertThrows(ResourceException.class,
                () -> pools.allocate(ResourceKind.PORT, DATA, 9950));
        assertTrue(taken.getMessage().contains("port 9950") && taken.getMessage().contains("application apache"),
                taken.getMessage());
        ResourceException other = assertThrows(ResourceException.class,
                () -> pools.allocate(ResourceKind.PORT, DOCS, 9951));
        assertTrue(other.getMessage().contains("already holds port 9950"), other.getMessage());
        ResourceException outside = assertThrows(ResourceException.class,
                () -> pools.allocate(ResourceKind.PORT, DATA, 12000));
        assertTrue(outside.getMessage().contains("12000.free") && outside.getMessage().contains("clbuild"),
                outside.getMessage());
    }

    @Test
    void firstFreeOnAllPicksANumberFreeOnBothNodes() throws Exception {
        ResourcePools a = pools();
        ResourcePools b = ResourcePools.local(ClusterPaths.under(root.resolve("b")));
        a.sync(LAYOUT);
        b.sync(LAYOUT);
        a.allocate(ResourceKind.DRBD_MINOR, DOCS, 0);
        b.allocate(ResourceKind.DRBD_MINOR, DATA, 1);
        assertEquals(2, ResourcePools.firstFreeOnAll(ResourceKind.DRBD_MINOR, List.of(a, b)).getAsInt());
    }

    @Test
    void exhaustedPoolNamesTheSettingToWiden() throws Exception {
        ResourcePools pools = pools();
        pools.sync(new ResourceLayout(new ResourceRange(9901, 9910), new ResourceRange(0, 0)));
        pools.allocate(ResourceKind.DRBD_MINOR, DOCS);
        ResourceException none = assertThrows(ResourceException.class,
                () -> pools.allocate(ResourceKind.DRBD_MINOR, LOGS));
        assertTrue(none.getMessage().contains("no free DRBD minor") && none.getMessage().contains("<maxblockdevs>"),
                none.getMessage());
    }

    /** clremoveapp (12): the application's flags become N.free again, others stay. */
    @Test
    void releaseReturnsAnApplicationsNumbersToThePool() throws Exception {
        ResourcePools pools = pools();
        pools.sync(LAYOUT);
        pools.allocate(ResourceKind.PORT, DOCS);
        pools.allocate(ResourceKind.DRBD_MINOR, DOCS);
        pools.allocate(ResourceKind.PORT, DATA);
        List<Allocation> released = pools.release("apache");
        assertEquals(2, released.size());
        assertTrue(names(ResourceKind.PORT).contains("9901.free"));
        assertTrue(names(ResourceKind.DRBD_MINOR).contains("0.free"));
        assertEquals(List.of(new Allocation(ResourceKind.PORT, 9902, DATA)), pools.allocations(ResourceKind.PORT));
        assertEquals(List.of(), pools.release("apache"));
    }

    /** A smaller pool drops free flags beyond it; dropping an allocated one is refused and nothing changes. */
    @Test
    void shrinkingBelowAnAllocationIsRefusedNamingTheApplication() throws Exception {
        ResourcePools pools = pools();
        pools.sync(LAYOUT);
        pools.allocate(ResourceKind.PORT, DOCS, 9950);
        Set<String> before = names(ResourceKind.PORT);
        ResourceLayout smaller = new ResourceLayout(new ResourceRange(9901, 9940), new ResourceRange(0, 9));
        ResourceException refused = assertThrows(ResourceException.class, () -> pools.sync(smaller));
        assertTrue(refused.getMessage().contains("port 9950") && refused.getMessage().contains("application apache")
                && refused.getMessage().contains("<portpool>"), refused.getMessage());
        assertEquals(before, names(ResourceKind.PORT));
        assertEquals(50, names(ResourceKind.DRBD_MINOR).size());

        pools.release("apache");
        List<PoolSyncResult> shrunk = pools.sync(smaller);
        assertEquals(59, shrunk.get(0).removed());
        assertEquals(40, names(ResourceKind.PORT).size());
        assertEquals(10, names(ResourceKind.DRBD_MINOR).size());
    }

    /** A stray N.free beside N.app.vg.lv (hand edits) is not free and is tidied by the next sync. */
    @Test
    void strayFreeFlagBesideAnAllocationIsNotFree() throws Exception {
        ResourcePools pools = pools();
        pools.sync(LAYOUT);
        pools.allocate(ResourceKind.PORT, DOCS);
        Files.createFile(dir(ResourceKind.PORT).resolve("9901.free"));
        Files.createFile(dir(ResourceKind.PORT).resolve("README"));
        assertFalse(pools.free(ResourceKind.PORT).contains(9901));
        assertEquals(1, pools.sync(LAYOUT).get(0).removed());
        assertTrue(names(ResourceKind.PORT).contains("README"), "unknown files are left alone");
    }

    /** Two threads (as two tools would) allocating at once never get the same number. */
    @Test
    void concurrentAllocationsGetDistinctNumbers() throws Exception {
        pools().sync(LAYOUT);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<Allocation>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ResourceOwner owner = ResourceOwner.of("app" + i, "vg", "lv");
                futures.add(executor.submit(() -> pools().allocate(ResourceKind.PORT, owner)));
            }
            Set<Integer> numbers = new java.util.HashSet<>();
            for (Future<Allocation> future : futures) {
                numbers.add(future.get(30, TimeUnit.SECONDS).number());
            }
            assertEquals(20, numbers.size());
        } finally {
            executor.shutdownNow();
        }
    }

    /** The same pools through commands (ls, mkdir, touch, rm, mv), as clbuild drives the other node over ssh. */
    @Test
    void commandStoreBehavesLikeTheDirectoryStore() throws Exception {
        Path resources = root.resolve("remote/etc/cluster/.resources");
        ResourcePools remote = new ResourcePools(new CommandResourceStore(new ProcessCommandRunner(),
                resources.toString(), "serverb"));
        assertEquals(List.of(), remote.files(ResourceKind.PORT));
        List<PoolSyncResult> results = remote.sync(LAYOUT);
        assertTrue(results.get(0).directoryCreated());
        assertEquals(99, results.get(0).created());
        assertEquals(50, results.get(1).created());
        assertEquals(9901, remote.allocate(ResourceKind.PORT, DOCS, 9901).number());
        assertTrue(Files.exists(resources.resolve("ports/9901.apache.app01vg.docs")));
        assertFalse(Files.exists(resources.resolve("ports/9901.free")));
        assertEquals(0, remote.sync(LAYOUT).get(0).created());
        ResourceException refused = assertThrows(ResourceException.class, () -> remote.sync(
                new ResourceLayout(new ResourceRange(9910, 9920), new ResourceRange(0, 49))));
        assertTrue(refused.getMessage().contains("on serverb"), refused.getMessage());
        assertEquals(1, remote.release("apache").size());
        assertTrue(Files.exists(resources.resolve("ports/9901.free")));
    }

    @Test
    void flagFileNamesRoundTrip() {
        assertEquals("9901.free", ResourceFile.free(9901).fileName());
        assertEquals(ResourceFile.allocated(7, DOCS), ResourceFile.parse("7.apache.app01vg.docs").orElseThrow());
        assertTrue(ResourceFile.parse(".9901.free.tmp").isEmpty());
        assertTrue(ResourceFile.parse("9901.a.b").isEmpty());
        assertTrue(ResourceFile.parse("x.free").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ResourceOwner.of("my.app", "vg", "lv"));
    }
}

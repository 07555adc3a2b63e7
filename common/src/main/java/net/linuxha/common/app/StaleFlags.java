package net.linuxha.common.app;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The set of STALE flags one node holds for one application, sorted for stable output. */
public record StaleFlags(SortedSet<StaleFlag> flags) {

    private static final StaleFlags EMPTY = new StaleFlags(new TreeSet<>());

    public StaleFlags {
        flags = Collections.unmodifiableSortedSet(new TreeSet<>(flags));
    }

    public static StaleFlags none() {
        return EMPTY;
    }

    public static StaleFlags of(Collection<StaleFlag> flags) {
        return new StaleFlags(new TreeSet<>(flags));
    }

    public static StaleFlags of(StaleFlag... flags) {
        return of(List.of(flags));
    }

    /** Flags parsed from a directory listing; names not ending in {@code .STALE} (TIME, ...) are skipped. */
    public static StaleFlags fromFileNames(Collection<String> fileNames) {
        return of(fileNames.stream().filter(StaleFlag::looksLikeFlag).map(StaleFlag::parse).toList());
    }

    /** The file names, as they appear in the status directory. */
    public List<String> fileNames() {
        return flags.stream().map(StaleFlag::fileName).toList();
    }

    public boolean isEmpty() {
        return flags.isEmpty();
    }

    public boolean contains(StaleFlag flag) {
        return flags.contains(flag);
    }

    /** The file systems whose copy on {@code node} is stale. */
    public SortedSet<FileSystemId> staleOn(String node) {
        return flags.stream().filter(f -> f.node().equals(node)).map(StaleFlag::fs)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean isStale(FileSystemId fs, String node) {
        return flags.contains(new StaleFlag(fs, node));
    }

    public StaleFlags plus(Collection<StaleFlag> more) {
        TreeSet<StaleFlag> all = new TreeSet<>(flags);
        all.addAll(more);
        return new StaleFlags(all);
    }

    public StaleFlags plus(StaleFlags more) {
        return plus(more.flags());
    }

    /** These flags without any that mark {@code node} stale. */
    public StaleFlags clearedFor(String node) {
        return of(flags.stream().filter(f -> !f.node().equals(node)).toList());
    }

    /** These flags without those marking any of {@code fileSystems} stale on {@code node}. */
    public StaleFlags clearedFor(String node, Set<FileSystemId> fileSystems) {
        return of(flags.stream().filter(f -> !(f.node().equals(node) && fileSystems.contains(f.fs()))).toList());
    }

    /** Only the flags about the given file systems and nodes. */
    public StaleFlags restrictedTo(Collection<FileSystemId> fileSystems, Collection<String> nodes) {
        return of(flags.stream().filter(f -> fileSystems.contains(f.fs()) && nodes.contains(f.node())).toList());
    }

    /** Flags here but not in {@code other}. */
    public StaleFlags minus(StaleFlags other) {
        return of(flags.stream().filter(f -> !other.contains(f)).toList());
    }

    @Override
    public String toString() {
        return String.join(" ", fileNames());
    }
}

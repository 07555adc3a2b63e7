package net.linuxha.common.resources;

import java.io.IOException;
import java.util.List;

/**
 * Where a node's resource flag files live: a local directory ({@link DirectoryResourceStore}) or the other node's,
 * reached through commands ({@link CommandResourceStore}). {@link ResourcePools} keeps all pool logic; a store only
 * lists, creates, deletes and renames files of one kind's directory.
 */
public interface ResourceStore {

    /** Work that reads and changes the store while holding its lock. */
    @FunctionalInterface
    interface LockedWork<T> {
        T run() throws IOException, ResourceException;
    }

    /** Where the store is, for messages: "/etc/cluster/.resources on serverb". */
    String describe();

    /** File names in the kind's directory; empty when the directory does not exist yet. */
    List<String> list(ResourceKind kind) throws IOException;

    /** Creates the kind's directory if missing; true when it had to be created. */
    boolean ensureDirectory(ResourceKind kind) throws IOException;

    /** Creates empty files (existing ones are left as they are). */
    void create(ResourceKind kind, List<String> names) throws IOException;

    /** Deletes files; missing ones are ignored. */
    void delete(ResourceKind kind, List<String> names) throws IOException;

    /**
     * Renames {@code from} to {@code to} in one step (rename(2)), so a crash leaves one of the two names, never
     * both or neither. Fails when {@code from} does not exist or {@code to} does.
     */
    void rename(ResourceKind kind, String from, String to) throws IOException;

    /** Runs {@code work} so that no other process changes the store meanwhile (as far as the store can ensure). */
    <T> T locked(LockedWork<T> work) throws IOException, ResourceException;
}
